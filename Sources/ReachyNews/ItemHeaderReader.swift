import Foundation

/// Recognises item header lines: `N.  [headline](url)` (also `N、` `N．` `N)` `N）`), up to 3 spaces of indent.
enum ItemHeaderReader {
    enum Outcome {
        case notAHeader
        case malformed(DigestError)
        /// `headlineColumn` is the 1-based column of the first headline character.
        case header(number: Int, headline: String, url: String, headlineColumn: Int)
    }

    static let markers: Set<Character> = [".", "、", "．", ")", "）"]

    static func read(_ line: String, lineNumber: Int) -> Outcome {
        let chars = Array(line)
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        guard i <= 3 else { return .notAHeader }
        let digitStart = i
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
        guard i > digitStart, i - digitStart <= 4, i < chars.count, markers.contains(chars[i]) else {
            return .notAHeader
        }
        guard let number = Int(String(chars[digitStart..<i])) else { return .notAHeader }
        // `2025.12.21 …` or `3.5%` at the start of a line are not headers: a marker is followed by space or `[`.
        let afterMarker = i + 1
        if afterMarker < chars.count, chars[afterMarker] != " ", chars[afterMarker] != "\t", chars[afterMarker] != "[" {
            return .notAHeader
        }
        i = afterMarker
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        func fail(_ column: Int, _ problem: String) -> Outcome {
            .malformed(.malformedItemHeader(line: lineNumber, column: column, problem: problem))
        }
        guard i < chars.count else { return fail(i + 1, "no headline after the item number") }
        guard chars[i] == "[" else { return fail(i + 1, "expected `[` to open the headline") }
        let open = i
        // The link is the last `](` … `)` on the line; the headline may itself contain brackets.
        var end = chars.count
        while end > open, chars[end - 1] == " " || chars[end - 1] == "\t" { end -= 1 }
        var linkOpen: Int?
        var j = end - 2
        while j > open {
            if chars[j] == "]", chars[j + 1] == "(" {
                linkOpen = j
                break
            }
            j -= 1
        }
        guard let close = linkOpen else {
            if let bracket = chars[(open + 1)..<end].lastIndex(of: "]") {
                return fail(bracket + 2, "expected `(link)` right after the headline's `]`")
            }
            return fail(open + 1, "the headline's `[` is never closed with `]`")
        }
        guard chars[end - 1] == ")" else {
            if let paren = chars[(close + 2)..<end].firstIndex(of: ")") {
                return fail(paren + 2, "unexpected text after the link")
            }
            return fail(close + 2, "the link's `(` is never closed with `)`")
        }
        let headline = String(chars[(open + 1)..<close]).trimmingCharacters(in: .whitespaces)
        guard !headline.isEmpty else { return fail(open + 2, "the headline between `[` and `]` is empty") }
        let url = String(chars[(close + 2)..<(end - 1)])
        let urlColumn = close + 3
        guard isHTTPURL(url) else {
            return .malformed(.invalidURL(url: url, line: lineNumber, column: urlColumn))
        }
        return .header(number: number, headline: headline, url: url, headlineColumn: open + 2)
    }

    /// `http://` or `https://`, a host, no whitespace.
    static func isHTTPURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            return false
        }
        guard let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty else {
            return false
        }
        return !url.contains { $0.isWhitespace }
            && host.allSatisfy { $0.isLetter || $0.isNumber || "-.:_[]@".contains($0) }
    }
}
