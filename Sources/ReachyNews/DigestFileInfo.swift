public import Foundation

/// What is known about one digest file in the directory.
public struct DigestFileInfo: Sendable, Equatable {
    /// File name (how the decision names it).
    public var name: String
    /// Identity in the state file: the file name and a hash of its content, so a file overwritten with new news
    /// (`latest.md`) or corrected is a new digest.
    public var identity: String
    /// Front-matter date (nil if unreadable: such digests sort last and are never stale).
    public var date: Date?
    /// Canonical item links.
    public var itemURLs: [String]

    /// A description.
    public init(name: String, date: Date?, itemURLs: [String], contentHash: String? = nil) {
        self.name = name
        self.identity = contentHash.map { "\(name)#\($0)" } ?? name
        self.date = date
        self.itemURLs = itemURLs.map { $0.hasPrefix("headline:") ? $0 : DigestMerger.canonicalURL($0) }
    }

    /// From a parsed digest; `content` (the file's bytes) gives its identity, `arrival` dates a digest whose front
    /// matter has no readable date (so it is not fresh forever).
    public init(name: String, digest: Digest, content: Data? = nil, arrival: Date? = nil) {
        self.init(
            name: name, date: digest.metadata?.date ?? arrival, itemURLs: digest.items.map(\.identity),
            contentHash: content.map { ContentHash.of($0) })
    }
}
