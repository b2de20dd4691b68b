import Foundation

/// How ``DigestItemExtractor`` reads an item's header (headline, link, the text after them) and tidies the words
/// it reads: list markers, item numbers, reading-time notes, broken links, sentence ends.
extension DigestItemExtractor {

    /// The headline, link and the text after them in an item's first block.
    struct Header {
        var headline: String
        var url: String
        var rest: String
        /// The text starts with `[` (a link that did not parse).
        var bracketed: Bool
    }

    static func header(of block: MarkdownNode?) -> Header {
        guard let block else { return Header(headline: "", url: "", rest: "", bracketed: false) }
        guard block.kind == "paragraph" else {
            return Header(headline: block.plainText, url: "", rest: "", bracketed: false)
        }
        let inlines = meaningful(block.children)
        guard let first = inlines.first else { return Header(headline: "", url: "", rest: "", bracketed: false) }
        func rest(_ from: Int) -> String {
            let node = MarkdownNode(
                kind: "paragraph", literal: "", url: "", line: 0, column: 0, endLine: 0, level: 0, ordered: false,
                children: Array(inlines.dropFirst(from)))
            return trimLeadingPunctuation(node.plainText)
        }
        if first.kind == "link" {
            return Header(headline: first.plainText, url: first.url, rest: rest(1), bracketed: false)
        }
        if first.kind == "strong" {
            let inner = meaningful(first.children)
            if inner.count == 1, let link = inner.first, link.kind == "link" {
                return Header(headline: link.plainText, url: link.url, rest: rest(1), bracketed: false)
            }
            return Header(headline: first.plainText, url: "", rest: rest(1), bracketed: false)
        }
        // A plain headline: the first line.
        let cut = inlines.firstIndex { $0.kind == "softbreak" || $0.kind == "linebreak" } ?? inlines.count
        let headNode = MarkdownNode(
            kind: "paragraph", literal: "", url: "", line: 0, column: 0, endLine: 0, level: 0, ordered: false,
            children: Array(inlines[..<cut]))
        let headline = headNode.plainText
        return Header(
            headline: headline, url: firstLink(in: headNode)?.url ?? "", rest: cut < inlines.count ? rest(cut + 1) : "",
            bracketed: headline.hasPrefix("["))
    }

    /// Inlines without leading empty text.
    static func meaningful(_ inlines: [MarkdownNode]) -> [MarkdownNode] {
        Array(inlines.drop { $0.kind == "text" && $0.literal.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    static func firstLink(in node: MarkdownNode) -> MarkdownNode? {
        if node.kind == "link" { return node }
        for child in node.children { if let link = firstLink(in: child) { return link } }
        return nil
    }

    /// `: summary`, `— summary` → `summary`.
    static func trimLeadingPunctuation(_ text: String) -> String {
        String(text.drop { " \t:：-—–|·".contains($0) })
    }

    /// `1. Title` → (1, `Title`).
    static func splitNumber(_ text: String) -> (Int?, String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let number = Int(digits) else { return (nil, text) }
        let after = text.dropFirst(digits.count)
        guard let marker = after.first, ItemHeaderReader.markers.contains(marker) else { return (nil, text) }
        return (number, String(after.dropFirst()).trimmingCharacters(in: .whitespaces))
    }

    /// A line with a Chinese list marker (`1、` `1．` `1）`, up to 3 spaces in) given the ASCII one (`1.` / `1)`)
    /// and a space after it, so CommonMark sees the list.
    static func asciiListMarker(_ line: String) -> String {
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3 else { return line }
        let rest = line.dropFirst(indent.count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4 else { return line }
        let after = rest.dropFirst(digits.count)
        guard let marker = after.first, "、．）".contains(marker) else { return line }
        let ascii = marker == "）" ? ")" : "."
        let tail = after.dropFirst()
        return indent + digits + ascii + (tail.first == " " ? "" : " ") + tail
    }

    /// The number written at the start of a list item's line (`12.` → 12).
    static func writtenNumber(_ line: String) -> Int? {
        splitNumber(line.trimmingCharacters(in: .whitespaces)).0
    }

    /// A headline without reading-time notes: `Title (4 minute read)` → `Title`.
    static func cleanHeadline(_ headline: String) -> String {
        var h = headline.trimmingCharacters(in: .whitespaces)
        if let range = h.range(
            of: #"\s*[(（]\s*\d+\s*(minute|min|分钟)[^)）]*[)）]\s*$"#, options: [.regularExpression, .caseInsensitive])
        {
            h.removeSubrange(range)
        }
        return h
    }

    /// The words of a broken `[headline](link` header: brackets and the link removed.
    static func salvage(_ text: String) -> String {
        var t = text
        if let link = t.range(of: #"\]?\s*\(?\s*(https?|ftp)://.*$"#, options: .regularExpression) {
            t.removeSubrange(link)
        }
        return t.filter { $0 != "[" && $0 != "]" }.trimmingCharacters(in: .whitespaces)
    }

    /// Ends a sub-list entry with a full stop so it is read as a sentence (`。` after Chinese, `.` after Latin).
    static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        if "。！？.!?；;…".contains(last) { return text }
        return text + (last.unicodeScalars.first.map { $0.value >= 0x2E80 } == true ? "。" : ".")
    }
}
