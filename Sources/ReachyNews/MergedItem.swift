import Foundation

/// Items from several digests (e.g. the 4-hourly digests of one day), merged for one recital.
public struct MergedItem: Sendable, Codable, Equatable {
    /// The item.
    public var item: DigestItem
    /// The file it came from.
    public var source: String
    /// Front-matter categories of its digest.
    public var categories: [String]

    /// A merged item.
    public init(item: DigestItem, source: String, categories: [String]) {
        self.item = item
        self.source = source
        self.categories = categories
    }
}
