public import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An RSS 2.0 or Atom feed, read with Foundation's `XMLParser` (libxml2): its title and entries.
public struct Feed: Sendable, Equatable {
    /// One entry: a news item.
    public struct Entry: Sendable, Equatable {
        public var title: String
        public var link: String
        /// The summary or content, HTML tags removed.
        public var summary: String
        public var date: Date?
    }

    public var title: String
    public var entries: [Entry]

    /// Parses feed bytes; nil when they are not XML or have no `<rss>`/`<feed>` root.
    public static func parse(_ data: Data) -> Feed? {
        let reader = FeedReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse(), reader.isFeed else { return nil }
        return Feed(title: reader.title.trimmingCharacters(in: .whitespacesAndNewlines), entries: reader.entries)
    }

    /// The feed as a Markdown digest (front matter, then one numbered item per entry, newest first), dated by its
    /// newest entry or, failing that, `arrival`.
    public func digest(arrival: Date) -> String {
        let sorted = entries.enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case (let x?, let y?) where x != y: x > y
            default: a.offset < b.offset
            }
        }.map(\.element)
        let date = sorted.compactMap(\.date).max() ?? arrival
        let formatter = ISO8601DateFormatter()
        var out =
            "---\ntitle: \(Self.yamlString(title.isEmpty ? "News" : title))\ndate: \(formatter.string(from: date))\n---\n\n"
        for (i, entry) in sorted.enumerated() {
            let headline = entry.title.replacingOccurrences(of: "]", with: ")").replacingOccurrences(of: "[", with: "(")
            out += "\(i + 1).  [\(headline.isEmpty ? "(untitled)" : headline)](\(entry.link))\n\n"
            for line in Self.wrapped(entry.summary) { out += "    \(line)\n" }
            out += "\n"
        }
        return out
    }

    static func yamlString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Summary text as Markdown-safe lines (no line that Markdown would read as a heading, list or code).
    static func wrapped(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { line in
                let first = line.first.map(String.init) ?? ""
                return "#>-*+|`".contains(first) || line.first?.isNumber == true ? "\u{200B}" + line : line
            }
    }

    /// Removes HTML tags and decodes the common entities (feeds carry HTML in their summaries).
    static func plainText(fromHTML html: String) -> String {
        var text = html.replacingOccurrences(of: #"<(br|/p|/div|/li)[^>]*>"#, with: "\n", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
        for (entity, value) in [
            ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
            ("&apos;", "'"), ("&amp;", "&"),
        ] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        return text
    }
}

/// The XMLParser delegate that collects a feed.
final class FeedReader: NSObject, XMLParserDelegate {
    var isFeed = false
    var title = ""
    var entries: [Feed.Entry] = []
    private var path: [String] = []
    private var current: Feed.Entry?
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let name = element.lowercased()
        if path.isEmpty, name == "rss" || name == "feed" || name == "rdf:rdf" { isFeed = true }
        path.append(name)
        text = ""
        if name == "item" || name == "entry" { current = Feed.Entry(title: "", link: "", summary: "", date: nil) }
        if name == "link", current != nil, let href = attributes["href"],
            attributes["rel"] == nil || attributes["rel"] == "alternate"
        {
            current?.link = href
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

    func parser(
        _ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?
    ) {
        let name = element.lowercased()
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if current != nil {
            switch name {
            case "title": current?.title = Feed.plainText(fromHTML: value)
            case "link" where current?.link.isEmpty == true: current?.link = value
            case "description", "summary", "content", "content:encoded":
                if current?.summary.isEmpty == true || name == "content:encoded" {
                    current?.summary = Feed.plainText(fromHTML: value).trimmingCharacters(in: .whitespacesAndNewlines)
                }
            case "pubdate", "updated", "published", "dc:date":
                if current?.date == nil { current?.date = Self.date(value) }
            case "item", "entry":
                if let entry = current { entries.append(entry) }
                current = nil
            default: break
            }
        } else if name == "title", title.isEmpty, path.count <= 3 {
            title = value
        }
        path.removeLast()
        text = ""
    }

    /// RFC 822 (RSS) or ISO 8601 (Atom) dates.
    static func date(_ text: String) -> Date? {
        if let d = ISO8601DateFormatter().date(from: text) { return d }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        for format in ["EEE, dd MMM yyyy HH:mm:ss Z", "EEE, dd MMM yyyy HH:mm:ss zzz", "dd MMM yyyy HH:mm:ss Z"] {
            formatter.dateFormat = format
            if let d = formatter.date(from: text) { return d }
        }
        return nil
    }
}
