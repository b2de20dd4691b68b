/// What to say: text interleaved with named marks and pauses.
///
/// Marks come back from synthesis as `SpeechEvent`s of kind `.mark(name)` with their sample position, which is how
/// callers (the news anchor, Bop's `say`) place gestures on the audio timeline.
public struct SpeechScript: Sendable, Equatable, Codable {
    /// One piece of a script.
    public enum Segment: Sendable, Equatable, Codable {
        /// Plain text to be spoken (no markup; `&`, `<`, `>` are escaped for you).
        case text(String)
        /// A named position; reported back as a `.mark` event. Names should be short ASCII identifiers.
        case mark(String)
        /// Silence of the given length in milliseconds.
        case pause(milliseconds: Int)
    }

    /// The segments, in speaking order.
    public var segments: [Segment]

    /// A script made of the given segments.
    public init(_ segments: [Segment] = []) { self.segments = segments }

    /// A script with a single text segment.
    public init(text: String) { self.segments = [.text(text)] }

    /// Appends text.
    public mutating func append(text: String) { segments.append(.text(text)) }
    /// Appends a mark.
    public mutating func append(mark: String) { segments.append(.mark(mark)) }
    /// Appends a pause.
    public mutating func append(pauseMilliseconds ms: Int) { segments.append(.pause(milliseconds: ms)) }

    /// The spoken text only (marks and pauses dropped).
    public var plainText: String {
        segments.reduce(into: "") { result, segment in
            if case .text(let t) = segment { result += t }
        }
    }
}
