import Foundation

/// One numbered news item: `1.  [headline](url)` followed by an indented paragraph.
public struct DigestItem: Sendable, Codable, Equatable {
    /// The number written in the digest.
    public var number: Int
    /// The headline (Markdown as written, without the link syntax).
    public var headline: String
    /// The item's link (logged and shown, never read aloud).
    public var url: String
    /// The paragraph under the headline, lines joined (Markdown as written).
    public var body: String
    /// 1-based line of the item header in its file.
    public var line: Int

    /// An item.
    public init(number: Int, headline: String, url: String, body: String, line: Int) {
        self.number = number
        self.headline = headline
        self.url = url
        self.body = body
        self.line = line
    }
}
