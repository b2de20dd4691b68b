import Foundation

/// Finds the news items of a digest body in its Markdown structure (``MarkdownNode``), whatever common style it is
/// written in:
/// - numbered items `1.  [headline](url)` with an indented paragraph (the house style), also with text after the
///   link, a `**bold**` or plain headline without a link, and sub-lists inside an item (read as part of it);
/// - bullets `- [headline](url): summary`;
/// - one heading per item (`## 1. Title`, `### [Title](url)`) followed by its paragraphs;
/// - paragraphs that open with a bold link (`**[Title (4 minute read)](url)**`, the TLDR style), or a bold line
///   alone (`**Title**`) followed by its paragraphs;
/// - section headings and bold section labels above a list of items (AINews style) start no item.
///
/// Never read aloud: code blocks, HTML, tables and images (a warning says what was skipped and where), link
/// targets, `>` markers. Text that belongs to no item after the items (a footer) is not read either, and a warning
/// says so, so nothing is lost in silence.
struct DigestItemExtractor {
    /// An item being collected.
    struct Pending {
        var number: Int
        var headline: String
        var url: String
        var line: Int
        var body: [String]
        /// Whether it came from a list item (its own paragraphs are inside it, so text after the list is not its).
        var fromList: Bool
        /// Whether it came from a heading (a link alone in a paragraph under it is its "read more" link).
        var fromHeading = false
        var numbered: Bool
    }

    /// The whole file's lines (to read item numbers and report exact columns).
    let lines: [String]
    /// Lines before the body (front matter): added to the body's line numbers.
    let lineOffset: Int

    private(set) var items: [DigestItem] = []
    private(set) var preamble: [String] = []
    private(set) var diagnostics: [DigestError] = []
    private var current: Pending?
    private var firstLineOfNumber: [Int: Int] = [:]
    private var lastNumber = 0

    init(lines: [String], lineOffset: Int) {
        self.lines = lines
        self.lineOffset = lineOffset
    }

    /// Collects the items of a parsed body.
    mutating func run(_ document: MarkdownNode) {
        blocks(document.children)
        finish()
    }

    private mutating func blocks(_ list: [MarkdownNode]) {
        for (i, block) in list.enumerated() {
            let next = i + 1 < list.count ? list[i + 1] : nil
            switch block.kind {
            case "list": self.list(block)
            case "heading": heading(block, next: next)
            case "paragraph": paragraph(block, next: next)
            case "block_quote": blocks(block.children)
            case "thematic_break": finish()
            default: skip(block)
            }
        }
    }

    // MARK: - Blocks

    private mutating func list(_ list: MarkdownNode) {
        let linked = list.children.contains { Self.header(of: $0.children.first).url.isEmpty == false }
        let itemList = linked || (list.ordered && (current == nil || current?.fromList == true))
        guard itemList else {
            for entry in list.children { text(Self.sentence(body(of: entry.children)), at: entry) }
            return
        }
        for entry in list.children { start(listItem: entry, ordered: list.ordered) }
    }

    private mutating func heading(_ heading: MarkdownNode, next: MarkdownNode?) {
        let (number, title) = Self.splitNumber(heading.plainText)
        // A title (`# …`) or a section heading above a list of items starts no item.
        if heading.level == 1 || next?.kind == "list" || next?.kind == "heading" || next == nil {
            finish()
            if items.isEmpty { preamble.append(title) }
            return
        }
        finish()
        let link = Self.firstLink(in: heading)
        begin(
            Pending(
                number: number ?? lastNumber + 1, headline: Self.cleanHeadline(title), url: link?.url ?? "",
                line: fileLine(heading), body: [], fromList: false, fromHeading: true, numbered: number != nil))
    }

    private mutating func paragraph(_ paragraph: MarkdownNode, next: MarkdownNode?) {
        let inlines = Self.meaningful(paragraph.children)
        if let first = inlines.first, first.kind == "strong" {
            let onlyStrong = inlines.count == 1 || inlines.dropFirst().first?.kind == "softbreak"
            let header = Self.header(of: paragraph)
            if !header.url.isEmpty || onlyStrong {
                // `**[Title](url)** summary…` or a bold line alone: a new item; a bold label above a list is a section.
                if header.url.isEmpty, next?.kind == "list" {
                    finish()
                    return
                }
                beginParagraphItem(header, at: paragraph)
                return
            }
        }
        if let first = inlines.first, first.kind == "link",
            inlines.count == 1 || inlines.dropFirst().first?.kind == "softbreak", current?.fromList != true
        {
            let header = Self.header(of: paragraph)
            if var c = current, c.fromHeading, header.rest.isEmpty {
                // `[Read more](url)` under a heading item: its link, not words to read.
                if c.url.isEmpty, ItemHeaderReader.isHTTPURL(first.url) { c.url = first.url }
                current = c
                return
            }
            // A link alone on the first line of a paragraph, between items written as paragraphs: a new item.
            beginParagraphItem(header, at: paragraph)
            return
        }
        text(paragraph.plainText, at: paragraph)
    }

    /// A new item whose header is the start of a paragraph (`**[Title](url)**`, a bold line, a link alone).
    private mutating func beginParagraphItem(_ header: Header, at paragraph: MarkdownNode) {
        finish()
        begin(
            Pending(
                number: lastNumber + 1, headline: Self.cleanHeadline(header.headline), url: header.url,
                line: fileLine(paragraph), body: header.rest.isEmpty ? [] : [header.rest], fromList: false,
                numbered: false))
    }

    /// Text outside any item header: the current item's body, the preamble before the first item, or — after an
    /// item that is complete (a list item with its own paragraph) — text that belongs to no item, reported.
    private mutating func text(_ text: String, at node: MarkdownNode) {
        guard !text.isEmpty else { return }
        if var c = current, !(c.fromList && !c.body.isEmpty) {
            c.body.append(text)
            current = c
        } else if items.isEmpty && current == nil {
            preamble.append(text)
        } else {
            diagnostics.append(.textOutsideItems(line: fileLine(node)))
        }
    }

    private mutating func skip(_ node: MarkdownNode) {
        let what: String
        switch node.kind {
        case "code_block": what = "a code block"
        case "html_block": what = "HTML"
        case "table": what = "a table"
        default: what = "a \(node.kind.replacingOccurrences(of: "_", with: " "))"
        }
        diagnostics.append(.notReadAloud(what: what, line: fileLine(node)))
    }

    // MARK: - Items

    private mutating func start(listItem entry: MarkdownNode, ordered: Bool) {
        finish()
        let line = fileLine(entry)
        let header = Self.header(of: entry.children.first)
        var headline = header.headline
        var url = header.url
        let source = line - 1 < lines.count ? lines[line - 1] : ""
        let written = ordered ? Self.writtenNumber(source) : nil
        if header.bracketed, case .malformed(let error) = ItemHeaderReader.read(source, lineNumber: line) {
            // Looked like `[headline](link)` but is not one: read it anyway, without the link, and say what is wrong.
            diagnostics.append(error)
            headline = Self.salvage(headline)
            url = ""
        }
        if !url.isEmpty, !ItemHeaderReader.isHTTPURL(url) {
            let column =
                (source.range(of: "](").map { source.distance(from: source.startIndex, to: $0.lowerBound) } ?? 0) + 3
            diagnostics.append(.invalidURL(url: url, line: line, column: column))
            url = ""
        }
        if headline.trimmingCharacters(in: .whitespaces).isEmpty, !url.isEmpty {
            let column = (source.firstIndex(of: "[").map { source.distance(from: source.startIndex, to: $0) } ?? 0) + 2
            diagnostics.append(
                .malformedItemHeader(line: line, column: column, problem: "the headline between `[` and `]` is empty"))
        }
        var paragraphs = header.rest.isEmpty ? [] : [header.rest]
        let rest = body(of: Array(entry.children.dropFirst()))
        if !rest.isEmpty { paragraphs.append(rest) }
        if headline.trimmingCharacters(in: .whitespaces).isEmpty, url.isEmpty, paragraphs.isEmpty {
            // `1.` and nothing else: no item to read.
            let column = source.count - source.drop { $0 == " " }.count + (written.map { String($0).count } ?? 1) + 2
            diagnostics.append(
                .malformedItemHeader(line: line, column: column, problem: "no headline after the item number"))
            return
        }
        begin(
            Pending(
                number: written ?? lastNumber + 1, headline: Self.cleanHeadline(headline), url: url, line: line,
                body: paragraphs, fromList: true, numbered: written != nil))
    }

    private mutating func begin(_ item: Pending) {
        if item.numbered {
            if let first = firstLineOfNumber[item.number] {
                diagnostics.append(.duplicateItemNumber(number: item.number, line: item.line, firstLine: first))
            } else if item.number != lastNumber + 1 {
                diagnostics.append(.itemOutOfSequence(expected: lastNumber + 1, found: item.number, line: item.line))
            }
            firstLineOfNumber[item.number] = firstLineOfNumber[item.number] ?? item.line
        }
        lastNumber = item.number
        current = item
    }

    private mutating func finish() {
        guard let c = current else { return }
        let body = DigestParser.joinLines(c.body)
        if body.isEmpty { diagnostics.append(.emptyItemBody(number: c.number, line: c.line)) }
        items.append(DigestItem(number: c.number, headline: c.headline, url: c.url, body: body, line: c.line))
        current = nil
    }

    /// The readable text of blocks inside an item: paragraphs, sub-lists (each entry a sentence), quotes; skipped
    /// blocks reported.
    private mutating func body(of children: [MarkdownNode]) -> String {
        var parts: [String] = []
        for child in children {
            switch child.kind {
            case "paragraph", "heading": parts.append(child.plainText)
            case "list":
                for entry in child.children { parts.append(Self.sentence(body(of: entry.children))) }
            case "block_quote", "item": parts.append(body(of: child.children))
            case "thematic_break": break
            default: skip(child)
            }
        }
        return DigestParser.joinLines(parts.filter { !$0.isEmpty })
    }

    private func fileLine(_ node: MarkdownNode) -> Int { node.line + lineOffset }
}
