public import Foundation

/// What is known about one digest file in the directory.
public struct DigestFileInfo: Sendable, Equatable {
    /// File name (the identity used in the state file).
    public var name: String
    /// Front-matter date (nil if unreadable: such digests sort last and are never stale).
    public var date: Date?
    /// Canonical item links.
    public var itemURLs: [String]

    /// A description.
    public init(name: String, date: Date?, itemURLs: [String]) {
        self.name = name
        self.date = date
        self.itemURLs = itemURLs.map(DigestMerger.canonicalURL)
    }

    /// From a parsed digest.
    public init(name: String, digest: Digest) {
        self.init(name: name, date: digest.metadata?.date, itemURLs: digest.items.map(\.url))
    }
}
