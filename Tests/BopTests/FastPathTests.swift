import Testing

@testable import Bop

/// The speed-ups must not change a thing: the byte lexer gives the tokens the character lexer gives, and
/// fractions stay reduced.
@Suite struct FastPathTests {
    /// A token's fields, to compare the two lexers.
    private func fields(_ t: Token) -> String {
        "\(t.kind)|\(t.text)|\(t.folded)|\(t.keyword?.rawValue ?? "-")|\(t.language ?? "-")|\(t.number)|"
            + "\(t.range.line):\(t.range.column)-\(t.range.endColumn)"
    }

    @Test(arguments: [
        "look left 20", "  nod   twice  # a comment", "TILT Right 10 Smoothly", "say \"la la la\"",
        "say 'I don't know'", "say 'open and never closed   ", "say \"no end\t ", "wait 1.5 beats",
        "wait 2,25 seconds", "look up 3.", "turn left 12345678901234567890", "set size_2 to (a+b)*3/2 - 1",
        "if x >= 3 = < > ! @ $ % ^ & ~ ` | \\ ; : ? [ ] { }", "nod\u{0}3", "nod\u{1F}x\u{7F}", "\tnod\u{0B}\u{0C}x",
        "dance yeah nod", "repeat 2 times with n", "#only a comment", "", "   ", "'", "\"", "a'b'c d'",
        "x1y2 _under 9lives", "play sound dance1 in 2 seconds",
    ])
    func byteLexerMatchesCharacterLexer(line: String) {
        let source = SourceText(line)
        let lexer = Lexer(source: source, table: KeywordTable.shared)
        let range = source.asciiRanges.first ?? nil
        #expect(range != nil, "an ASCII line takes the byte path")
        let fast = source.utf8.withUnsafeBufferPointer { lexer.lexASCIILine($0, range ?? 0..<0, line: 1) }
        let slow = lexer.lexLine(source.lines[0], line: 1)
        #expect(fast.map(fields) == slow.map(fields))
    }

    @Test func nonASCIILinesKeepTheCharacterPath() {
        let source = SourceText("nod\nsay “héllo”\n向左看 20")
        #expect(source.asciiRanges.map { $0 != nil } == [true, false, false])
        #expect(source.indentation(ofLine: 1) == 0)
    }

    @Test func indentationOfASCIILines() {
        let source = SourceText("  nod\n\tnod\n   # note\n  \nx")
        #expect(source.indentation(ofLine: 1) == 2)
        #expect(source.indentation(ofLine: 2) == 4)
        #expect(source.indentation(ofLine: 3) == nil)
        #expect(source.indentation(ofLine: 4) == nil)
        #expect(source.indentation(ofLine: 5) == 0)
    }

    @Test func fractionsStayReduced() {
        let cases: [(Rational, Int64, Int64)] = [
            (Rational(6, 4), 3, 2), (Rational(0, 5), 0, 1), (Rational(-12, -18), 2, 3), (Rational(7, -14), -1, 2),
            (Rational(Int64(1) << 40, Int64(3) << 20), 1 << 20, 3), (Rational(48, 36), 4, 3),
            (Rational(1_000_000, 1_000_000), 1, 1), (Rational(17, 51), 1, 3),
            (Rational(3, 11) + .zero, 3, 11), (.zero + Rational(3, 11), 3, 11), (Rational(3, 11) * Rational(1), 3, 11),
            (Rational(1) * Rational(6, 22), 3, 11), (Rational(1, 6) + Rational(1, 3), 1, 2),
            (Rational(3, 11) * Rational(11, 3), 1, 1),
        ]
        for (value, numerator, denominator) in cases {
            #expect(value.numerator == numerator && value.denominator == denominator, "\(value)")
        }
    }
}
