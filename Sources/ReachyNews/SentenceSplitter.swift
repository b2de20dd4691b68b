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
                // A period after a digit is never an end; nor one that closes an abbreviation (U.S., Corp., e.g.,
                // Mr., p.m.) unless the next word starts a sentence after a capital-less abbreviation.
                isEnd = prevIsLetter && nextOK && !endsAbbreviation(chars, at: i)
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

    /// Abbreviations whose period does not end a sentence (lower-cased, without the final period).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "inc", "corp", "co", "ltd",
        "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "no", "fig", "approx", "dept", "est", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "mt",
    ]

    /// Whether the `.` at `i` closes an abbreviation: the word before it (letters and inner periods) is a known one,
    /// or a single capital letter (an initial, as in "J. Smith"). "etc." and "p.m." at the very end, or before a
    /// capitalised word, still end the sentence when nothing else follows.
    static func endsAbbreviation(_ chars: [Character], at i: Int) -> Bool {
        var j = i - 1
        while j >= 0, chars[j].isASCII, chars[j].isLetter || chars[j] == "." { j -= 1 }
        let word = String(chars[(j + 1)..<i])
        if word.count == 1, word.first?.isUppercase == true { return true }
        guard abbreviations.contains(word.lowercased()) else { return false }
        // At the end of the text, or before a Chinese character, the period does end the sentence.
        let next = i + 1 < chars.count ? chars[i + 1] : nil
        if next == nil || next.map(LanguageScript.isHan) == true { return false }
        // "at 3 p.m. Then …": a sentence-final time/etc. followed by a capitalised word that is not a name we
        // can tell apart — keep together (a long sentence is better than one cut in the middle of a name).
        return true
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
