/// A complete recital: what to say, how it is spoken, the gestures and — once synthesized — all the times.
public struct RecitalPlan: Sendable, Codable, Equatable {
    /// Format version of the JSON (`reachy news plan --json`).
    public var formatVersion: Int
    /// The recital's day in the digest's own offset, `YYYY-MM-DD` (empty if no digest had a date).
    public var date: String
    /// The UTC offset the date is in (seconds east).
    public var utcOffsetSeconds: Int
    /// Digest files used.
    public var sources: [String]
    /// Intro, items, outro.
    public var segments: [RecitalSegment]
    /// Audio length in seconds, after synthesis.
    public var duration: Double?

    /// Only the item segments.
    public var items: [RecitalSegment] { segments.filter { $0.kind == .item } }

    /// Every sentence in order.
    public var sentences: [RecitalSentence] { segments.flatMap(\.sentences) }

    /// Every keyframe in order.
    public var gestures: [GestureKeyframe] { segments.flatMap(\.gestures) }
}
