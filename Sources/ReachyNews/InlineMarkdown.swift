/// Removes inline Markdown and things that must never be read aloud (links, URLs, @handles, e-mail addresses).
public enum InlineMarkdown {
    /// `**bold**`/`__bold__` → text, `[text](url)` → text, `` `code` `` → code, every other `*` removed, control
    /// characters removed, whitespace runs collapsed.
    public static func plainText(_ text: String) -> String {
        var s = text
        s = s.replacing(#/\[([^\]\n]*)\]\([^)\s]*\)/#) { String($0.output.1) }
        s = s.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        s = s.replacingOccurrences(of: "`", with: "")
        s = s.replacingOccurrences(of: "*", with: "")
        s = String(String.UnicodeScalarView(s.unicodeScalars.filter { !($0.properties.generalCategory == .control && $0 != "\n") }))
        return collapseSpaces(s)
    }

    /// `plainText`, then bare URLs, e-mail addresses and `@handles` removed (with the space before them).
    public static func speakableText(_ text: String) -> String {
        var s = plainText(text)
        s = s.replacing(#/\s*(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+/#.ignoresCase(), with: "")
        s = s.replacing(#/\s*[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+/#, with: "")
        s = s.replacing(#/(^|[^A-Za-z0-9_])\s*@[A-Za-z0-9_]{1,30}/#) { String($0.output.1) }
        // Empty brackets left behind by a removed link: "（）" "()".
        s = s.replacing(#/[（(]\s*[）)]/#, with: "")
        return collapseSpaces(s)
    }

    static func collapseSpaces(_ s: String) -> String {
        s.replacing(#/[ \t\n\u{3000}]+/#, with: " ").trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
