/// Splits each line of a program into tokens. Never fails: anything it cannot read becomes a `symbol` token
/// that the parser reports in words. Comments start with `#` and run to the end of the line.
struct Lexer {
    let source: SourceText
    let table: KeywordTable

    private static let doubleQuotes: Set<Character> = ["\"", "“", "”", "＂", "„"]
    private static let singleQuotes: Set<Character> = ["'", "‘", "’", "＇"]
    private static let pairedQuotes: [Character: Character] = ["「": "」", "『": "』", "«": "»", "《": "》"]
    /// The degree sign (and the ordinal sign keyboards give for it): a spelling of `degrees`.
    static let degreeSigns: Set<Character> = ["°", "º"]

    private static let mathSymbols: [Character: String] = [
        "+": "+", "＋": "+", "-": "-", "－": "-", "−": "-", "*": "*", "＊": "*", "×": "*", "/": "/", "／": "/",
        "÷": "/", "(": "(", "（": "(", ")": ")", "）": ")", "=": "=", "＝": "=", "<": "<", "＜": "<", ">": ">",
        "＞": ">", "≠": "≠",
    ]
    private static let decimalMarks: Set<Character> = [".", ",", "．"]
    private static let chineseDigits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// Every line's tokens.
    func lex() -> [LexedLine] {
        var result: [LexedLine] = []
        result.reserveCapacity(source.lines.count)
        source.utf8.withUnsafeBufferPointer { bytes in
            for (index, characters) in source.lines.enumerated() {
                let tokens: [Token]
                if index < source.asciiRanges.count, let range = source.asciiRanges[index] {
                    tokens = lexASCIILine(bytes, range, line: index + 1)
                } else {
                    tokens = lexLine(characters, line: index + 1)
                }
                result += Lexer.splitAtSeparators(readNumberWords(tokens), line: index + 1)
            }
        }
        return result
    }

    /// Number words become numbers: `three` → 3, `forty five` → 45, `two hundred` → 200. `one` after `pick`
    /// stays the word of `pick one`.
    func readNumberWords(_ tokens: [Token]) -> [Token] {
        let words = table.numberWords
        guard !words.isEmpty, tokens.contains(where: { $0.kind == .word && words[$0.folded] != nil }) else {
            return tokens
        }
        func value(_ i: Int) -> Int? {
            guard i < tokens.count, tokens[i].kind == .word, let v = words[tokens[i].folded] else { return nil }
            if tokens[i].keyword == .one, i > 0, tokens[i - 1].keyword == .pick { return nil }
            return v
        }
        var result: [Token] = []
        var i = 0
        while i < tokens.count {
            guard var total = value(i) else {
                result.append(tokens[i])
                i += 1
                continue
            }
            var j = i + 1
            if total < 10, let h = value(j), h == 100 {
                total *= 100
                j += 1
            }
            if total % 100 == 0, total >= 100, let t = value(j), t < 100 {
                total += t
                j += 1
            }
            if total % 10 == 0, total % 100 >= 20, let u = value(j), u < 10, u > 0 {
                total += u
                j += 1
            }
            let first = tokens[i]
            let last = tokens[j - 1]
            let text = tokens[i..<j].map(\.text).joined(separator: " ")
            result.append(
                Token(
                    kind: .number, text: text, folded: text, number: Double(total),
                    range: first.range.union(last.range)))
            i = j
        }
        return result
    }

    /// Full-width `，。；` end a command like a new line does (`点头。摇头`); so does `：` after a command
    /// (`重复３次：点头`), where it is only decoration — except right after `say` (`说：你好`), where it is dropped.
    static let separators: Set<String> = ["，", "。", "；", "："]

    /// One line's tokens as one or more commands (each a `LexedLine` with the same number); empty pieces after
    /// the first are left out.
    static func splitAtSeparators(_ tokens: [Token], line: Int) -> [LexedLine] {
        guard tokens.contains(where: { $0.kind == .symbol && separators.contains($0.text) }) else {
            return [LexedLine(number: line, tokens: tokens)]
        }
        var pieces: [LexedLine] = []
        var current: [Token] = []
        for (index, token) in tokens.enumerated() {
            // `说 你好，我是 Reachy`: unquoted words after `say` run to the end of the line, commas and all.
            var isText = false
            if case .string = token.kind { isText = true }
            if current.count == 1, current[0].keyword == .say, !isText, token.text != "：" {
                current += tokens[index...]
                break
            }
            guard token.kind == .symbol, separators.contains(token.text) else {
                current.append(token)
                continue
            }
            if token.text == "：", current.count == 1, current[0].keyword == .say { continue }
            if !current.isEmpty || pieces.isEmpty { pieces.append(LexedLine(number: line, tokens: current)) }
            current = []
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(LexedLine(number: line, tokens: current)) }
        return pieces
    }

    /// ASCII letters and `_`.
    static func isWordByte(_ a: UInt8) -> Bool { (a >= 65 && a <= 90) || (a >= 97 && a <= 122) || a == 95 }

    static func isQuote(_ c: Character) -> Bool {
        doubleQuotes.contains(c) || singleQuotes.contains(c) || pairedQuotes[c] != nil
    }

    func lexLine(_ chars: [Character], line: Int) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        let n = chars.count
        func range(_ start: Int, _ end: Int) -> SourceRange {
            SourceRange(line: line, column: start + 1, endColumn: end + 1)
        }
        // ASCII code of every character (0 for anything else), computed once: the hot loops test bytes.
        let codes = chars.map { $0.asciiValue ?? 0 }
        while i < n {
            let c = chars[i]
            let ascii: UInt8? = codes[i] != 0 ? codes[i] : nil
            if let a = ascii {
                // Fast path for plain ASCII: spaces, comments and quote marks without Unicode lookups.
                if a == 32 || a == 9 || a == 11 || a == 12 {
                    i += 1
                    continue
                }
                if a == 35 { break }
            } else {
                if TextFolding.isSpace(c) {
                    i += 1
                    continue
                }
                if c == "＃" { break }
            }
            if (ascii == nil || ascii == 34 || ascii == 39) && Lexer.isQuote(c) {
                let (token, next) = lexString(chars, from: i, line: line)
                tokens.append(token)
                i = next
                continue
            }
            if (ascii.map { $0 >= 48 && $0 <= 57 } ?? false) || (ascii == nil && TextFolding.digitValue(c) != nil) {
                var j = i
                var whole: Int64 = 0
                var overflow = false
                while j < n, let d = TextFolding.digitValue(chars[j]) {
                    let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.addingReportingOverflow(Int64(d))
                    if o1 || o2 { overflow = true } else { whole = s }
                    j += 1
                }
                var value = overflow ? 1e18 : Double(whole)
                if j + 1 < n, Lexer.decimalMarks.contains(chars[j]), TextFolding.digitValue(chars[j + 1]) != nil {
                    var scale = 0.1
                    j += 1
                    while j < n, let d = TextFolding.digitValue(chars[j]) {
                        value += Double(d) * scale
                        scale /= 10
                        j += 1
                    }
                    value = (value * 1_000_000).rounded() / 1_000_000
                }
                let text = String(chars[i..<j])
                tokens.append(Token(kind: .number, text: text, folded: text, number: value, range: range(i, j)))
                i = j
                continue
            }
            if ascii == nil && TextFolding.isCJK(c) {
                i = lexCJK(chars, from: i, line: line, into: &tokens)
                continue
            }
            if ascii.map(Lexer.isWordByte) ?? TextFolding.isLetter(c) {
                var j = i
                var allASCII = true
                while j < n {
                    let a = codes[j]
                    if a != 0 {
                        guard Lexer.isWordByte(a) || (a >= 48 && a <= 57) else { break }
                    } else {
                        let d = chars[j]
                        guard d.isLetter || d.isNumber, !TextFolding.isCJK(d) else { break }
                        allASCII = false
                    }
                    j += 1
                }
                let text = allASCII ? String(decoding: codes[i..<j], as: UTF8.self) : String(chars[i..<j])
                let folded = TextFolding.fold(text)
                if let entry = table.words[folded], !entry.keywords.isEmpty {
                    for keyword in entry.keywords {
                        tokens.append(
                            Token(
                                kind: .word, text: text, folded: folded, keyword: keyword, language: entry.language,
                                range: range(i, j)))
                    }
                } else {
                    tokens.append(Token(kind: .word, text: text, folded: folded, range: range(i, j)))
                }
                i = j
                continue
            }
            let text = String(c)
            if Lexer.degreeSigns.contains(c) {
                // `90°` is `90 degrees`, in every language.
                tokens.append(Token(kind: .word, text: text, folded: "°", keyword: .degrees, range: range(i, i + 1)))
                i += 1
                continue
            }
            tokens.append(
                Token(kind: .symbol, text: Lexer.mathSymbols[c] ?? text, folded: text, range: range(i, i + 1)))
            i += 1
        }
        return tokens
    }

    /// A quoted text. A double quote ends at the next double quote; a single quote ends at the next single
    /// quote that is not between two letters (so `'I don't know'` works); `「」`, `『』`, `«»` pair up.
    private func lexString(_ chars: [Character], from start: Int, line: Int) -> (Token, Int) {
        let open = chars[start]
        let n = chars.count
        var j = start + 1
        while j < n {
            let c = chars[j]
            let closes: Bool
            if Lexer.doubleQuotes.contains(open) {
                closes = Lexer.doubleQuotes.contains(c)
            } else if Lexer.singleQuotes.contains(open) {
                let before = j > 0 ? chars[j - 1] : " "
                let after = j + 1 < n ? chars[j + 1] : " "
                closes = Lexer.singleQuotes.contains(c) && !(before.isLetter && after.isLetter)
            } else {
                closes = c == Lexer.pairedQuotes[open]
            }
            if closes {
                let text = String(chars[(start + 1)..<j])
                let token = Token(
                    kind: .string(closed: true, quote: open), text: text, folded: text,
                    range: SourceRange(line: line, column: start + 1, endColumn: j + 2))
                return (token, j + 1)
            }
            j += 1
        }
        var end = n
        while end > start + 1, TextFolding.isSpace(chars[end - 1]) { end -= 1 }
        let text = String(chars[(start + 1)..<end])
        let token = Token(
            kind: .string(closed: false, quote: open), text: text, folded: text,
            range: SourceRange(line: line, column: start + 1, endColumn: end + 1))
        return (token, n)
    }

    /// Chinese runs: the longest keyword or known name at each position wins; other characters gather into a
    /// word until a keyword starts. Chinese numerals (一 … 九十九) become numbers.
    private func lexCJK(_ chars: [Character], from start: Int, line: Int, into tokens: inout [Token]) -> Int {
        let n = chars.count
        func match(at i: Int) -> (Int, KeywordTable.Entry)? {
            var length = min(table.longestCJK, n - i)
            while length >= 1 {
                let slice = chars[i..<(i + length)]
                if slice.allSatisfy({ TextFolding.isCJK($0) }) {
                    let folded = TextFolding.fold(String(slice))
                    if let entry = table.cjk[folded] { return (length, entry) }
                }
                length -= 1
            }
            return nil
        }
        if let (length, entry) = match(at: start) {
            let text = String(chars[start..<(start + length)])
            let r = SourceRange(line: line, column: start + 1, endColumn: start + length + 1)
            if entry.keywords.isEmpty {
                tokens.append(Token(kind: .word, text: text, folded: TextFolding.fold(text), range: r))
            }
            for keyword in entry.keywords {
                tokens.append(
                    Token(
                        kind: .word, text: text, folded: TextFolding.fold(text), keyword: keyword,
                        language: entry.language, range: r))
            }
            return start + length
        }
        if let (value, end) = chineseNumber(chars, from: start) {
            let text = String(chars[start..<end])
            tokens.append(
                Token(
                    kind: .number, text: text, folded: text, number: Double(value),
                    range: SourceRange(line: line, column: start + 1, endColumn: end + 1)))
            return end
        }
        var j = start + 1
        while j < n, TextFolding.isCJK(chars[j]), match(at: j) == nil, chineseNumber(chars, from: j) == nil {
            j += 1
        }
        let text = String(chars[start..<j])
        tokens.append(
            Token(
                kind: .word, text: text, folded: TextFolding.fold(text),
                range: SourceRange(line: line, column: start + 1, endColumn: j + 1)))
        return j
    }

    /// 一 … 九, 十, 十二, 二十, 二十五 (up to 99).
    private func chineseNumber(_ chars: [Character], from start: Int) -> (Int, Int)? {
        let n = chars.count
        var i = start
        var value = 0
        if let d = Lexer.chineseDigits[chars[i]] {
            value = d
            i += 1
            if i < n, chars[i] == "十" {
                value = d * 10
                i += 1
                if i < n, let e = Lexer.chineseDigits[chars[i]], e > 0 {
                    value += e
                    i += 1
                }
            }
            return (value, i)
        }
        if chars[i] == "十" {
            value = 10
            i += 1
            if i < n, let e = Lexer.chineseDigits[chars[i]], e > 0 {
                value += e
                i += 1
            }
            return (value, i)
        }
        return nil
    }
}
