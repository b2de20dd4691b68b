import Testing

@testable import Bop

/// Keywords in English and Chinese, columns as a child counts them, and forgiving lexing.
@Suite struct LanguageTests {
    @Test func everyMessageExistsInEveryLanguage() throws {
        let english = BopLanguages.english
        #expect(BopLanguages.all.count >= 2)
        for (code, language) in BopLanguages.all {
            #expect(Set(language.messages.keys) == Set(english.messages.keys), "\(code)")
            #expect(Set(language.keywords.keys).isSubset(of: Set(english.keywords.keys)), "\(code)")
        }
    }

    /// The same program in English, in Chinese (no spaces) and mixed gives the same timeline.
    @Test func chineseAndEnglishGiveTheSameTimeline() throws {
        let english =
            "tempo 120\nrepeat 3 times\n  together\n    nod 2 times\n    wiggle antennas 4 times\n  end\n  look left 20\n  turn body right 30\nend\n"
        let chinese = "节奏120\n重复3次\n同时\n点头2次\n摆动天线4次\n结束\n向左看20度\n转身向右30\n结束\n"
        let mixed =
            "节奏 120\nrepeat 3 次\n  同时\n    nod 2 times\n    摆动天线 4 次\n  end\n  向左看 20\n  turn body right 30\n结束\n"
        let a = try #require(BopCompiler.compile(english).timeline)
        let b = try #require(BopCompiler.compile(chinese).timeline)
        let c = try #require(BopCompiler.compile(mixed).timeline)
        #expect(a.segments == b.segments)
        #expect(a.segments == c.segments)
        #expect(b.language == "zh" && a.language == "en")
    }

    @Test func fullWidthDigitsAndLettersAndPunctuation() throws {
        let a = try #require(BopCompiler.compile("ｎｏｄ　３　ｔｉｍｅｓ\nlook left ３０\n").timeline)
        let b = try #require(BopCompiler.compile("nod 3 times\nlook left 30\n").timeline)
        #expect(a.segments == b.segments)
        // Full-width quote marks and Chinese corner quotes.
        let quoted = try #require(BopCompiler.compile("说「你好」\nsay “hello”\n").timeline)
        #expect(quoted.segments.map(\.text) == ["你好", "hello"])
    }

    @Test func keywordsAreCaseInsensitive() throws {
        let a = try #require(BopCompiler.compile("NOD\nLook LEFT\nRepeat 2 Times\n  Shake\nEND\n").timeline)
        let b = try #require(BopCompiler.compile("nod\nlook left\nrepeat 2 times\n  shake\nend\n").timeline)
        #expect(a.segments == b.segments)
    }

    @Test func decimalCommaAndChineseNumerals() throws {
        let a = try #require(BopCompiler.compile("look left 30 in 0,5 seconds\n").timeline)
        #expect(a.duration == Rational(1, 2))
        let b = try #require(BopCompiler.compile("点头三次\n").timeline)
        #expect(b.segments.count == 6)
        let c = try #require(BopCompiler.compile("向左看二十五\n").timeline)
        #expect(c.segments.first?.to == 25)
    }

    @Test func apostropheInsideSingleQuotes() throws {
        let t = try #require(BopCompiler.compile("say 'I don't know'\n").timeline)
        #expect(t.segments.first?.text == "I don't know")
    }

    @Test func chineseNamesThatContainKeywordCharacters() throws {
        // 次数 contains 次 (times); 大摆动 contains 摆动 (wiggle). Both are the child's own names.
        let text = "设 次数 为 2\n定义动作 大摆动\n  摆动天线\n结束\n重复 次数 次\n  大摆动\n结束\n"
        let result = BopCompiler.compile(text)
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
        #expect(result.timeline?.segments.count == 24)  // 2 rounds × 2 antennas × 2 wiggles × 3 steps
    }

    @Test func columnsCountCharactersNotBytes() {
        // "说 “你好" is missing its closing quote; the caret column counts each Chinese character as one.
        let result = BopCompiler.compile("重复 3 此\n结束\n")
        let d = result.diagnostics.first
        #expect(d?.range.line == 1 && d?.range.column == 6 && d?.range.endColumn == 7)
        let emoji = BopCompiler.compile("say \"👍🏽 ok\" nodd\n")
        #expect(emoji.diagnostics.first?.range.column == 12)  // 👍🏽 (with its skin tone) is one column
    }

    @Test func caretViewLinesUpUnderWideCharacters() {
        let result = BopCompiler.compile("重复 3 此\n  点头\n结束\n")
        let text = DiagnosticFormatter.human(result)
        #expect(
            text == """
                ── 这个词我不认识 ────────────────────────────────────── 第 1 行
                1│ 重复 3 此
                          ^^
                我不认识这里的“此”。
                你是想写“次”吗？

                1 个错误，0 个警告，0 个提示

                """)
    }

    @Test func englishCaretView() {
        let result = BopCompiler.compile("nod\nnodd 3 times\n")
        #expect(
            DiagnosticFormatter.human(result) == """
                ── I DON'T KNOW THAT WORD ─────────────────────────────── line 2
                2│ nodd 3 times
                   ^^^^
                I don't know how to `nodd`.
                Did you mean `nod`?

                1 error(s), 0 warning(s), 0 note(s)

                """)
    }

    @Test func suggestionsNeverReturnTheWordItself() {
        let words = ["nod", "look", "repeat", "times", "left", "wiggle", "次", "点头"]
        for word in words {
            #expect(Suggestions.best(for: word, among: words) != word)
        }
        #expect(Suggestions.best(for: "wiat", among: ["wait", "walk"]) == "wait")
        #expect(Suggestions.best(for: "nodddd", among: ["nod", "look"]) == "nod")
        #expect(Suggestions.best(for: "up", among: ["us", "ups"]) == nil)  // tie at distance 1
        #expect(Suggestions.best(for: "此", among: ["次", "秒"]) == "次")
        #expect(Suggestions.best(for: "重复", among: ["重复"]) == nil)
    }

    @Test func rationalArithmeticIsExactAndNeverTraps() {
        #expect(Rational(1, 3) + Rational(1, 6) == Rational(1, 2))
        #expect(Rational(6, 11) * Rational(11) == Rational(6))
        #expect(Rational(3, -6) == Rational(-1, 2))
        #expect(Rational(1, 0) == .zero)
        let huge = Rational(Int64.max / 3, 7) + Rational(Int64.max / 5, 11)
        #expect(huge.doubleValue > 0)
        #expect(Rational(Int64.min, -1).doubleValue > 0)
    }
}
