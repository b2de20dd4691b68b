/// One sentence of the recital: what is shown, what is spoken, and (after synthesis) when.
public struct RecitalSentence: Sendable, Codable, Equatable {
    /// What the sentence is.
    public enum Role: String, Sendable, Codable {
        /// Greeting and date.
        case intro
        /// "第一条。"
        case ordinal
        /// The item headline.
        case headline
        /// A sentence of the item paragraph.
        case body
        /// Sign-off.
        case outro
    }

    /// Speech mark placed before the sentence (e.g. "i2.s3").
    public var mark: String
    /// Role.
    public var role: Role
    /// Display text (Markdown removed).
    public var text: String
    /// Normalised text given to the voice.
    public var speech: String
    /// Seconds from the start of the audio; set by `RecitalPlan.timed(by:)`.
    public var start: Double?
    /// Seconds from the start of the audio; set by `RecitalPlan.timed(by:)`.
    public var end: Double?

    /// A sentence.
    public init(mark: String, role: Role, text: String, speech: String) {
        self.mark = mark
        self.role = role
        self.text = text
        self.speech = speech
    }
}
