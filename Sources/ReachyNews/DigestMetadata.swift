public import Foundation

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
