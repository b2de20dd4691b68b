/// The lexer's fast path for lines of plain ASCII (most programs): it reads bytes instead of `Character`s
/// and gives exactly the tokens `lexLine` would (one byte is one column there).
extension Lexer {
    /// The ASCII spaces `TextFolding.isSpace` accepts: space, tab, vertical tab, form feed.
    @inline(__always)
    static func isSpaceByte(_ a: UInt8) -> Bool { a == 32 || a == 9 || a == 11 || a == 12 }

    /// The tokens of the ASCII line `range` of `bytes`.
    func lexASCIILine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int) -> [Token] {
        var tokens: [Token] = []
        let base = range.lowerBound
        let n = range.upperBound
        guard base < n, n <= bytes.count else { return tokens }
        tokens.reserveCapacity(8)
        @inline(__always) func columns(_ start: Int, _ end: Int) -> SourceRange {
            SourceRange(line: line, column: start - base + 1, endColumn: end - base + 1)
        }
        @inline(__always) func text(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        @inline(__always) func isDigit(_ a: UInt8) -> Bool { a >= 48 && a <= 57 }
        var i = base
        while i < n {
            let a = bytes[i]
            if Lexer.isSpaceByte(a) {
                i += 1
                continue
            }
            if a == 35 { break }  // `#` comment
            if a == 34 || a == 39 {
                i = lexASCIIString(bytes, from: i, end: n, base: base, line: line, into: &tokens)
                continue
            }
            if isDigit(a) {
                var j = i
                var whole: Int64 = 0
                var overflow = false
                while j < n, isDigit(bytes[j]) {
                    let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.addingReportingOverflow(Int64(bytes[j] - 48))
                    if o1 || o2 { overflow = true } else { whole = s }
                    j += 1
                }
                var value = overflow ? 1e18 : Double(whole)
                if j + 1 < n, bytes[j] == 46 || bytes[j] == 44, isDigit(bytes[j + 1]) {
                    var scale = 0.1
                    j += 1
                    while j < n, isDigit(bytes[j]) {
                        value += Double(bytes[j] - 48) * scale
                        scale /= 10
                        j += 1
                    }
                    value = (value * 1_000_000).rounded() / 1_000_000
                }
                let number = text(i, j)
                tokens.append(Token(kind: .number, text: number, folded: number, number: value, range: columns(i, j)))
                i = j
                continue
            }
            if Lexer.isWordByte(a) {
                var j = i + 1
                var hasUpper = a <= 90 && a >= 65
                while j < n, Lexer.isWordByte(bytes[j]) || isDigit(bytes[j]) {
                    if bytes[j] <= 90 && bytes[j] >= 65 { hasUpper = true }
                    j += 1
                }
                let word = text(i, j)
                // `TextFolding.fold` for ASCII: lower case; the same string when already lower case.
                let folded =
                    hasUpper
                    ? String(
                        unsafeUninitializedCapacity: j - i,
                        initializingUTF8With: { buffer in
                            for k in i..<j {
                                let b = bytes[k]
                                buffer[k - i] = b >= 65 && b <= 90 ? b + 32 : b
                            }
                            return j - i
                        }) : word
                if let entry = table.words[folded], !entry.keywords.isEmpty {
                    for keyword in entry.keywords {
                        tokens.append(
                            Token(
                                kind: .word, text: word, folded: folded, keyword: keyword, language: entry.language,
                                range: columns(i, j)))
                    }
                } else {
                    tokens.append(Token(kind: .word, text: word, folded: folded, range: columns(i, j)))
                }
                i = j
                continue
            }
            // Any other mark; the ASCII math symbols are already their normalized selves.
            let mark = text(i, i + 1)
            tokens.append(Token(kind: .symbol, text: mark, folded: mark, range: columns(i, i + 1)))
            i += 1
        }
        return tokens
    }

    /// A quoted text opened by `"` or `'` at `start` (same rules as `lexString`); returns where lexing goes on.
    private func lexASCIIString(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end n: Int, base: Int, line: Int,
        into tokens: inout [Token]
    ) -> Int {
        let open = bytes[start]
        let quote: Character = open == 34 ? "\"" : "'"
        @inline(__always) func isLetter(_ a: UInt8) -> Bool { (a >= 65 && a <= 90) || (a >= 97 && a <= 122) }
        var j = start + 1
        while j < n {
            let c = bytes[j]
            let closes: Bool
            if open == 34 {
                closes = c == 34
            } else {
                let after: UInt8 = j + 1 < n ? bytes[j + 1] : 32
                closes = c == 39 && !(isLetter(bytes[j - 1]) && isLetter(after))
            }
            if closes {
                let inside = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<j]), as: UTF8.self)
                tokens.append(
                    Token(
                        kind: .string(closed: true, quote: quote), text: inside, folded: inside,
                        range: SourceRange(line: line, column: start - base + 1, endColumn: j - base + 2)))
                return j + 1
            }
            j += 1
        }
        var end = n
        while end > start + 1, Lexer.isSpaceByte(bytes[end - 1]) { end -= 1 }
        let inside = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self)
        tokens.append(
            Token(
                kind: .string(closed: false, quote: quote), text: inside, folded: inside,
                range: SourceRange(line: line, column: start - base + 1, endColumn: end - base + 1)))
        return n
    }
}
