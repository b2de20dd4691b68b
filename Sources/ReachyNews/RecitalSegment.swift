/// The intro, one item, or the sign-off.
public struct RecitalSegment: Sendable, Codable, Equatable {
    /// Segment kind.
    public enum Kind: String, Sendable, Codable {
        /// Greeting with the date.
        case intro
        /// A news item.
        case item
        /// Sign-off.
        case outro
    }

    /// Kind.
    public var kind: Kind
    /// Mark prefix ("intro", "i3", "outro").
    public var id: String
    /// Position of the item in the recital (1-based), for items.
    public var number: Int?
    /// Headline (display), for items.
    public var headline: String?
    /// Link (never spoken), for items.
    public var url: String?
    /// The digest file, for items.
    public var source: String?
    /// Mood, for items.
    public var mood: MoodAssessment?
    /// Sentences in speaking order.
    public var sentences: [RecitalSentence]
    /// Gesture keyframes, in order.
    public var gestures: [GestureKeyframe]
    /// Silence after the segment (seconds).
    public var pauseAfter: Double

    /// Mark placed after the last sentence (before the pause).
    public var endMark: String { id + ".end" }
}
