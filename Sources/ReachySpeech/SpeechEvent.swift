/// A timed event in synthesized speech, positioned in samples from the start of the audio.
public struct SpeechEvent: Sendable, Equatable, Codable {
    /// What happened at this position.
    public enum Kind: Sendable, Equatable, Codable {
        /// A word starts (in espeak-ng 1.51 Mandarin: one per Hanzi).
        case word
        /// A sentence starts. espeak-ng 1.51 emits none inside SSML voice runs: put a `.mark` at every sentence
        /// start when sentence timing matters (the news anchor does).
        case sentence
        /// A clause or sentence ends.
        case clauseEnd
        /// A named `SpeechScript` mark.
        case mark(String)
    }

    /// The event kind.
    public var kind: Kind
    /// Position in samples from the start of the audio, at the audio's sample rate.
    public var sample: Int
    /// Position of the event in the engine's input text (1-based Unicode scalar index into the markup
    /// espeak-ng received); diagnostic only.
    public var textPosition: Int

    /// An event.
    public init(kind: Kind, sample: Int, textPosition: Int = 0) {
        self.kind = kind
        self.sample = sample
        self.textPosition = textPosition
    }

    /// The mark name, if this is a mark.
    public var markName: String? {
        if case .mark(let name) = kind { return name }
        return nil
    }
}
