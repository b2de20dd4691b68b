import Foundation

/// The YAML front matter of a digest.
public struct DigestMetadata: Sendable, Codable, Equatable {
    /// The digest's title (not read aloud: it holds a timestamp).
    public var title: String
    /// The publication instant.
    public var date: Date
    /// The date exactly as written, e.g. `2025-12-21T00:00:09+08:00`.
    public var dateText: String
    /// The UTC offset written in the date (seconds east of UTC); +08:00 when the date has none.
    public var utcOffsetSeconds: Int
    /// Front-matter categories (empty when absent).
    public var categories: [String]

    /// Metadata from its parts.
    public init(title: String, date: Date, dateText: String, utcOffsetSeconds: Int, categories: [String]) {
        self.title = title
        self.date = date
        self.dateText = dateText
        self.utcOffsetSeconds = utcOffsetSeconds
        self.categories = categories
    }

    /// The time zone of the written offset.
    public var timeZone: TimeZone { TimeZone(secondsFromGMT: utcOffsetSeconds) ?? .gmt }

    /// Year, month and day in the digest's own offset.
    public var localDay: DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .weekday], from: date)
    }
}

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

/// A parsed digest file: front matter (if it could be read) and the items that parsed.
public struct Digest: Sendable, Codable, Equatable {
    /// Where it came from (a path or a label).
    public var source: String
    /// The front matter; `nil` when it is missing or unreadable (see the parse diagnostics).
    public var metadata: DigestMetadata?
    /// Text between the front matter and the first item (not read aloud).
    public var preamble: String
    /// Items in file order.
    public var items: [DigestItem]

    /// A digest.
    public init(source: String, metadata: DigestMetadata?, preamble: String = "", items: [DigestItem]) {
        self.source = source
        self.metadata = metadata
        self.preamble = preamble
        self.items = items
    }
}
