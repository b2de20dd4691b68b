public import Foundation

/// What has been recited, persisted between runs (`reachy news recite` reads and writes it).
public struct RecitalState: Sendable, Codable, Equatable {
    /// A digest that was handled.
    public struct Entry: Sendable, Codable, Equatable {
        /// The digest's identity: file name and content hash (`latest.md#0123456789abcdef`); entries written
        /// before identities hold the bare file name, which matches nothing now (their items stay read by link).
        public var name: String
        /// Its front-matter date.
        public var digestDate: Date?
        /// When it was recited (or skipped).
        public var handledAt: Date
        /// True when it was too old to recite and was skipped on purpose.
        public var skipped: Bool
    }

    /// Format version.
    public var formatVersion: Int = 1
    /// Handled digests, oldest first.
    public var digests: [Entry]
    /// Canonical links of every item already read aloud (see `DigestMerger.canonicalURL`).
    public var recitedURLs: [String]
    /// The scheduled slot last served.
    public var lastSlot: Date?

    /// An empty state.
    public init(digests: [Entry] = [], recitedURLs: [String] = [], lastSlot: Date? = nil) {
        self.digests = digests
        self.recitedURLs = recitedURLs
        self.lastSlot = lastSlot
    }

    /// Identities of handled digests.
    public var handledNames: Set<String> { Set(digests.map(\.name)) }
}
