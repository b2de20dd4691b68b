import Foundation

/// One news item of a digest: a headline, its link when it has one, and its text.
public struct DigestItem: Sendable, Codable, Equatable {
    /// The number written in the digest.
    public var number: Int
    /// The headline (Markdown as written, without the link syntax).
    public var headline: String
    /// The item's link (logged and shown, never read aloud); empty when the digest gave none.
    public var url: String
    /// The item's text: its paragraphs (and sub-lists, one sentence per entry) as plain text, lines joined; `**`
    /// that CommonMark does not read as bold (next to Chinese punctuation) is left as written.
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

    /// What marks the item as read: its canonical link, or — for an item without a link — its headline.
    public var identity: String {
        url.isEmpty ? "headline:" + DigestMerger.canonicalHeadline(headline) : DigestMerger.canonicalURL(url)
    }
}
