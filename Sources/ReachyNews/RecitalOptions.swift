import Foundation

/// Options for building a recital.
public struct RecitalOptions: Sendable, Equatable {
    /// How much of each item is read.
    public enum Length: String, Sendable, CaseIterable {
        /// Headline and every sentence.
        case full
        /// Headline and the first sentence.
        case firstSentence = "first-sentence"
        /// Headlines only.
        case headlines
    }

    /// At most this many items (nil = all).
    public var maxItems: Int?
    /// Keep only digests whose front-matter categories include one of these (nil or empty = all).
    public var categories: [String]?
    /// Length mode.
    public var length: Length
    /// Longest recital wanted, seconds (nil = no limit): the planner reads items in `length` mode if that fits,
    /// else shortens every item (first sentence, then headlines only) — every item is still read.
    public var budget: Double?
    /// Pause after the headline's paragraph (seconds).
    public var pauseBetweenItems: Double
    /// Pause after the headline (seconds).
    public var pauseAfterHeadline: Double
    /// Keyframes start this much before their sentence (motors lag).
    public var gestureLead: Double

    /// Options; defaults follow Chinese broadcast pacing.
    public init(
        maxItems: Int? = nil, categories: [String]? = nil, length: Length = .full,
        pauseBetweenItems: Double = 0.9, pauseAfterHeadline: Double = 0.4, gestureLead: Double = 0.15
    ) {
        self.maxItems = maxItems
        self.categories = categories
        self.length = length
        self.pauseBetweenItems = pauseBetweenItems
        self.pauseAfterHeadline = pauseAfterHeadline
        self.gestureLead = gestureLead
        self.budget = nil
    }
}
