import CCmarkGFM

/// A Markdown document as a tree, read by cmark-gfm (the CommonMark reference parser with GitHub's extensions:
/// tables, strikethrough, autolinks), so digests are read by their real structure — lists, headings, quotes, code,
/// HTML — rather than by line patterns. Node kinds are cmark's names (`paragraph`, `list`, `item`, `heading`,
/// `text`, `link`, `strong`, `table`, …).
struct MarkdownNode: Sendable {
    /// cmark's name of the node type.
    var kind: String
    /// Text of `text`, `code`, `code_block`, `html_block`, `html_inline` nodes.
    var literal: String
    /// Link or image destination.
    var url: String
    /// 1-based position in the parsed text.
    var line: Int
    var column: Int
    /// Last line the node covers.
    var endLine: Int
    /// Heading level (1–6), 0 for other nodes.
    var level: Int
    /// For a list: whether it is numbered.
    var ordered: Bool
    var children: [MarkdownNode]

    /// Parses Markdown text (never fails: every input is some Markdown).
    static func parse(_ text: String) -> MarkdownNode {
        _ = registered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return empty }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return empty }
        defer { cmark_node_free(document) }
        return node(document)
    }

    /// The plain text of this node's inlines: links and emphasis give their text, HTML and images nothing, line
    /// breaks join as `DigestParser.joinLines` joins lines (no space between Chinese characters).
    var plainText: String {
        var lines: [String] = [""]
        func walk(_ n: MarkdownNode) {
            switch n.kind {
            case "text", "code": lines[lines.count - 1] += n.literal
            case "softbreak", "linebreak": lines.append("")
            case "html_inline", "image", "html_block", "code_block", "table": break
            default: n.children.forEach(walk)
            }
        }
        walk(self)
        return DigestParser.joinLines(lines)
    }

    private static let empty = MarkdownNode(
        kind: "document", literal: "", url: "", line: 1, column: 1, endLine: 1, level: 0, ordered: false, children: [])

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static func node(_ pointer: OpaquePointer) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let c = child {
            children.append(node(c))
            child = cmark_node_next(c)
        }
        func string(_ p: UnsafePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
        let kind = string(cmark_node_get_type_string(pointer))
        return MarkdownNode(
            kind: kind, literal: string(cmark_node_get_literal(pointer)), url: string(cmark_node_get_url(pointer)),
            line: Int(cmark_node_get_start_line(pointer)), column: Int(cmark_node_get_start_column(pointer)),
            endLine: Int(cmark_node_get_end_line(pointer)),
            level: kind == "heading" ? Int(cmark_node_get_heading_level(pointer)) : 0,
            ordered: kind == "list" && cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST, children: children)
    }
}
