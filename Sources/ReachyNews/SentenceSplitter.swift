import Foundation

/// Splits Chinese (and English) text into sentences.
///
/// A sentence ends after `。！？；` (full-width), `!?;` (ASCII), `…`/`……` and an English `.` that ends a word
/// (followed by a space, a Chinese character or the end — never inside numbers or versions such as `GPT5.2`,
/// `3.5%`). Closing quotes and brackets (`”’」』）)】》"'`) right after the terminator stay with the sentence they
/// end. Empty pieces are dropped; the pieces, concatenated, give back the text minus surrounding spaces.
public enum SentenceSplitter {
    static let terminators: Set<Character> = ["。", "！", "？", "；", "!", "?", ";", "…", "｡"]
    static let closers: Set<Character> = ["”", "’", "」", "』", "）", ")", "】", "》", "\"", "'", "〉", "］", "]"]

    /// The sentences of `text`.
    public static func split(_ text: String) -> [String] {
        let chars = Array(text)
        var sentences: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            var isEnd = terminators.contains(c)
            if c == "." {
                let prevIsLetter = i > 0 && chars[i - 1].isLetter && chars[i - 1].isASCII
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                let nextOK =
                    next == nil || next == " " || next.map { LanguageScript.isHan($0) || closers.contains($0) } == true
                // "a.m." style abbreviations and "Mr." are rare in digests; a period after a digit is never an end.
                isEnd = prevIsLetter && nextOK
            }
            if isEnd {
                var j = i + 1
                while j < chars.count, terminators.contains(chars[j]) || chars[j] == "." { j += 1 }
                while j < chars.count, closers.contains(chars[j]) { j += 1 }
                append(chars[start..<j], to: &sentences)
                start = j
                i = j
            } else {
                i += 1
            }
        }
        append(chars[start..<chars.count], to: &sentences)
        return sentences
    }

    private static func append(_ slice: ArraySlice<Character>, to sentences: inout [String]) {
        let s = String(slice).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !s.isEmpty else { return }
        // A piece made only of closing marks/punctuation belongs to the previous sentence.
        if s.allSatisfy({ closers.contains($0) || terminators.contains($0) || $0 == "." }),
            let last = sentences.popLast()
        {
            sentences.append(last + s)
        } else {
            sentences.append(s)
        }
    }
}
