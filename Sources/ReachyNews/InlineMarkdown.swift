import Foundation

/// Removes inline Markdown and things that must never be read aloud (links, URLs, @handles, e-mail addresses).
public enum InlineMarkdown {
    /// `**bold**`/`__bold__` → text, `[text](url)` → text, `` `code` `` → code, every other `*` removed, control
    /// characters removed, whitespace runs collapsed.
    public static func plainText(_ text: String) -> String {
        var s = text
        if s.contains("](") { s = s.replacing(#/\[([^\]\n]*)\]\([^)\s]*\)/#) { String($0.output.1) } }
        s = s.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        s = s.replacingOccurrences(of: "`", with: "")
        s = s.replacingOccurrences(of: "*", with: "")
        s = String(
            String.UnicodeScalarView(
                s.unicodeScalars.filter { !($0.properties.generalCategory == .control && $0 != "\n") }))
        return collapseSpaces(s)
    }

    /// `plainText`, then bare URLs, e-mail addresses and `@handles` removed (with the space before them).
    public static func speakableText(_ text: String) -> String {
        var s = plainText(text)
        // Regex matching is costly; only run each rule when its trigger is present.
        let lower = s.lowercased()
        if lower.contains("http") || lower.contains("www.") {
            s = s.replacing(#/\s*(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+/#.ignoresCase(), with: "")
        }
        if s.contains("@") {
            s = s.replacing(#/\s*[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+/#, with: "")
            s = s.replacing(#/(^|[^A-Za-z0-9_])\s*@[A-Za-z0-9_]{1,30}/#) { String($0.output.1) }
        }
        // Empty brackets left behind by a removed link: "（）" "()".
        if s.contains("()") || s.contains("（）") || s.contains("( )") || s.contains("（ ）") {
            s = s.replacing(#/[（(]\s*[）)]/#, with: "")
        }
        return collapseSpaces(s)
    }

    /// Runs of spaces, tabs, newlines and ideographic spaces become one space; ends trimmed.
    static func collapseSpaces(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s {
            if ch == " " || ch == "\t" || ch == "\n" || ch == "\u{3000}" || ch == "\r\n" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }
}
