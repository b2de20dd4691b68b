/// Shows diagnostics to a child (a banner, the line with carets, what the robot noticed, what to try) or
/// to a tool (`--json`).
public enum DiagnosticFormatter {
    /// The caret view of every diagnostic, followed by a one-line summary.
    public static func human(_ result: BopResult) -> String {
        let messages = MessageCatalog(result.language)
        var out = ""
        for diagnostic in result.diagnostics {
            out += render(diagnostic, source: result.source, messages: messages) + "\n"
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        let notes = result.diagnostics.filter { $0.severity == .note }.count
        if result.diagnostics.isEmpty {
            out += messages.text("summary.ok") + "\n"
        } else if result.diagnostics.allSatisfy({ $0.kind == .nothingToDo }) {
            out += messages.text("summary.empty") + "\n"
        } else {
            out +=
                messages.text(
                    "summary.counts", ["errors": "\(errors)", "warnings": "\(warnings)", "notes": "\(notes)"]) + "\n"
        }
        return out
    }

    /// One diagnostic in the caret view.
    public static func render(_ diagnostic: BopDiagnostic, source: SourceText) -> String {
        let language = BopLanguages.all.values.first { $0.messages["\(diagnostic.id).title"] == diagnostic.title }
        return render(diagnostic, source: source, messages: MessageCatalog(language ?? BopLanguages.english))
    }

    static func render(_ d: BopDiagnostic, source: SourceText, messages: MessageCatalog) -> String {
        let r = d.range
        let place =
            r.endLine > r.line
            ? messages.text("banner.lines", ["line": "\(r.line)", "end": "\(r.endLine)"])
            : messages.text("banner.line", ["line": "\(r.line)"])
        let marker = d.severity == .warning ? "⚠ " : d.severity == .note ? "ℹ " : ""
        let head = marker + "── " + d.title + " "
        let width = 64
        let dashes = max(3, width - DisplayWidth.of(head) - DisplayWidth.of(place) - 1)
        var out = head + String(repeating: "─", count: dashes) + " " + place + "\n"
        // A span over several lines shows its first and last line (e.g. the two lines of a `together` that want
        // the same body part), with a ⋮ between them when lines are skipped.
        // "Nothing to do yet" is about the whole program: no line of it to point at.
        let shown = d.kind == .nothingToDo ? [] : r.endLine > r.line ? [r.line, r.endLine] : [r.line]
        let gutter = String(shown.last ?? r.line).count
        for number in shown where number >= 1 && number <= source.lines.count {
            if number == r.endLine && r.endLine > r.line + 1 {
                out += String(repeating: " ", count: gutter) + "⋮\n"
            }
            let chars = source.lines[number - 1]
            let label = String(number)
            out += String(repeating: " ", count: gutter - label.count) + label + "│ " + String(chars) + "\n"
            // Carets: from the start column on the first line (else the first non-space) to the end column on
            // the last line (else the end of the line), measured in display cells.
            var start = number == r.line ? r.column - 1 : (chars.firstIndex(where: { !TextFolding.isSpace($0) }) ?? 0)
            var end = number == r.endLine ? r.endColumn - 1 : chars.count
            start = max(0, min(start, chars.count))
            end = max(start, min(end, chars.count))
            let pad = DisplayWidth.of(chars[0..<start])
            let carets = max(1, DisplayWidth.of(chars[start..<end]))
            out += String(repeating: " ", count: gutter + 2 + pad) + String(repeating: "^", count: carets) + "\n"
        }
        out += d.message + "\n"
        if !d.suggestion.isEmpty { out += d.suggestion + "\n" }
        return out
    }

    /// A JSON array of `{id, severity, line, column, end_line, end_column, title, message, suggestion, fix}`;
    /// `fix` is `null` or `{line, column, end_line, end_column, replacement}`.
    public static func json(_ diagnostics: [BopDiagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "[]" }
        let items = diagnostics.map { d -> String in
            var fix = "null"
            if let f = d.fixIt {
                fix = JSONText.object([
                    ("line", "\(f.range.line)"), ("column", "\(f.range.column)"), ("end_line", "\(f.range.endLine)"),
                    ("end_column", "\(f.range.endColumn)"), ("replacement", JSONText.string(f.replacement)),
                ])
            }
            return "  "
                + JSONText.object([
                    ("id", JSONText.string(d.id)), ("severity", JSONText.string(d.severity.rawValue)),
                    ("line", "\(d.range.line)"), ("column", "\(d.range.column)"), ("end_line", "\(d.range.endLine)"),
                    ("end_column", "\(d.range.endColumn)"), ("title", JSONText.string(d.title)),
                    ("message", JSONText.string(d.message)), ("suggestion", JSONText.string(d.suggestion)),
                    ("fix", fix),
                ])
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]"
    }
}
