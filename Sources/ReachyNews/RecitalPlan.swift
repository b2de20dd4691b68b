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
