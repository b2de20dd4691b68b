/// Something wrong in a digest file, with the 1-based line (and column when useful) where it is.
public enum DigestError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The bytes are not valid UTF-8 (line of the first bad byte).
    case invalidEncoding(line: Int, column: Int)
    /// The file does not start with a `---` line.
    case missingFrontMatter(line: Int)
    /// The opening `---` has no closing `---`.
    case unterminatedFrontMatter(line: Int)
    /// The front matter is not valid YAML.
    case invalidYAML(line: Int, column: Int, problem: String)
    /// The front matter is not a `key: value` mapping.
    case frontMatterNotMapping(line: Int)
    /// A required front-matter field is missing.
    case missingField(name: String, line: Int)
    /// A front-matter field has the wrong type.
    case invalidField(name: String, line: Int, column: Int, expected: String)
    /// The date is not an ISO 8601 date or date-time.
    case invalidDate(value: String, line: Int, column: Int)
    /// A numbered line that is not a well-formed item header.
    case malformedItemHeader(line: Int, column: Int, problem: String)
    /// The item link is not an http(s) URL.
    case invalidURL(url: String, line: Int, column: Int)
    /// An item has no paragraph (it is kept, headline only).
    case emptyItemBody(number: Int, line: Int)
    /// The same item number appears twice (the second is kept).
    case duplicateItemNumber(number: Int, line: Int, firstLine: Int)
    /// Numbers do not follow each other (the item is kept).
    case itemOutOfSequence(expected: Int, found: Int, line: Int)
    /// A `**` without its partner (the asterisks are dropped from speech).
    case unbalancedBold(line: Int, column: Int)
    /// The digest has no items at all.
    case noItems(line: Int)
    /// The file is not UTF-8 (nor UTF-16); `likely` names the encoding its bytes look like.
    case notUTF8(likely: String?)
    /// A block that is never read aloud (code, HTML, a table) was skipped.
    case notReadAloud(what: String, line: Int)
    /// Text after the items that belongs to none of them (a footer) is not read.
    case textOutsideItems(line: Int)

    /// The 1-based line the problem is on (0 for whole-file problems).
    public var line: Int {
        switch self {
        case .unreadable: return 0
        case .notUTF8: return 1
        case .invalidEncoding(let l, _), .missingFrontMatter(let l), .unterminatedFrontMatter(let l),
            .invalidYAML(let l, _, _), .frontMatterNotMapping(let l), .missingField(_, let l),
            .invalidField(_, let l, _, _), .invalidDate(_, let l, _), .malformedItemHeader(let l, _, _),
            .invalidURL(_, let l, _), .emptyItemBody(_, let l), .duplicateItemNumber(_, let l, _),
            .itemOutOfSequence(_, _, let l), .unbalancedBold(let l, _), .noItems(let l), .notReadAloud(_, let l),
            .textOutsideItems(let l):
            return l
        }
    }

    /// The 1-based column, when the problem has one.
    public var column: Int? {
        switch self {
        case .invalidEncoding(_, let c), .invalidYAML(_, let c, _), .invalidField(_, _, let c, _),
            .invalidDate(_, _, let c), .malformedItemHeader(_, let c, _), .invalidURL(_, _, let c),
            .unbalancedBold(_, let c):
            return c
        default: return nil
        }
    }

    /// A stable identifier of the kind of problem (for JSON and tests), e.g. "malformed-item-header".
    public var code: String {
        switch self {
        case .unreadable: return "unreadable"
        case .invalidEncoding: return "invalid-encoding"
        case .missingFrontMatter: return "missing-front-matter"
        case .unterminatedFrontMatter: return "unterminated-front-matter"
        case .invalidYAML: return "invalid-yaml"
        case .frontMatterNotMapping: return "front-matter-not-mapping"
        case .missingField: return "missing-field"
        case .invalidField: return "invalid-field"
        case .invalidDate: return "invalid-date"
        case .malformedItemHeader: return "malformed-item-header"
        case .invalidURL: return "invalid-url"
        case .emptyItemBody: return "empty-item-body"
        case .duplicateItemNumber: return "duplicate-item-number"
        case .itemOutOfSequence: return "item-out-of-sequence"
        case .unbalancedBold: return "unbalanced-bold"
        case .noItems: return "no-items"
        case .notUTF8: return "not-utf8"
        case .notReadAloud: return "not-read-aloud"
        case .textOutsideItems: return "text-outside-items"
        }
    }

    /// Problems after which the digest (or one item of it) is still used.
    public var isWarning: Bool {
        switch self {
        case .emptyItemBody, .duplicateItemNumber, .itemOutOfSequence, .unbalancedBold, .invalidEncoding,
            .malformedItemHeader, .invalidURL, .notReadAloud, .textOutsideItems:
            return true
        default: return false
        }
    }

    public var description: String {
        let at = column.map { "line \(line), column \($0)" } ?? "line \(line)"
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read digest \(path): \(reason). Check the path and its permissions."
        case .invalidEncoding:
            return "\(at): the file is not valid UTF-8; bad bytes are shown as �. Save it as UTF-8."
        case .missingFrontMatter:
            return "\(at): a digest must start with a `---` line followed by YAML front matter "
                + "(title, date, categories) and a closing `---`."
        case .unterminatedFrontMatter:
            return "\(at): the front matter opened here is never closed. Add a `---` line after the last field."
        case .invalidYAML(_, _, let problem):
            return "\(at): the front matter is not valid YAML (\(problem)). Quote values that contain `:` or `#`."
        case .frontMatterNotMapping:
            return "\(at): the front matter must be `key: value` lines (title, date, categories)."
        case .missingField(let name, _):
            return "\(at): the front matter has no `\(name):` field. Add it, e.g. "
                + (name == "date" ? "`date: 2025-12-21T00:00:09+08:00`." : "`title: \"AI快讯\"`.")
        case .invalidField(let name, _, _, let expected):
            return "\(at): `\(name)` must be \(expected)."
        case .invalidDate(let value, _, _):
            return "\(at): `\(value)` is not a date. Write it as ISO 8601, e.g. `2025-12-21T00:00:09+08:00` "
                + "or `2025-12-21`."
        case .malformedItemHeader(_, _, let problem):
            return "\(at): malformed item header: \(problem); the item is read without its link. "
                + "Write items as `1.  [headline](https://…)`."
        case .invalidURL(let url, _, _):
            return "\(at): `\(url)` is not an http(s) link; the item is read without it. Items link to their source "
                + "as `[headline](https://…)`."
        case .emptyItemBody(let number, _):
            return "\(at): item \(number) has no paragraph; only its headline will be read. "
                + "Indent the paragraph under the headline."
        case .duplicateItemNumber(let number, _, let first):
            return "\(at): item number \(number) already used on line \(first); both items are kept. Renumber them."
        case .itemOutOfSequence(let expected, let found, _):
            return
                "\(at): item \(found) follows item \(expected - 1) (expected \(expected)); it is kept. Renumber the items."
        case .unbalancedBold:
            return "\(at): `**` opens bold text that is never closed; the asterisks are ignored. Add the closing `**`."
        case .notUTF8(let likely?):
            return "\(at): the file is not UTF-8; it looks like \(likely). Nothing was read. Convert it, e.g. "
                + "`iconv -f \(likely.prefix { $0 != " " && $0 != "," }) -t UTF-8 FILE > FILE-utf8.md`, or save it as UTF-8."
        case .notUTF8(nil):
            return "\(at): the file is not UTF-8 (nor UTF-16) and its encoding is unknown. Nothing was read. "
                + "Save it as UTF-8."
        case .notReadAloud(let what, _):
            return "\(at): \(what) is never read aloud; it was skipped. Put what should be heard in a paragraph."
        case .textOutsideItems:
            return "\(at): this text is after the items and belongs to none of them (a footer?); it is not read. "
                + "Indent it under an item to have it read with that item."
        case .noItems:
            return "\(at): the digest has no items. Items look like `1.  [headline](https://…)` followed by an "
                + "indented paragraph."
        }
    }
}
