import Testing

@testable import Bop

/// Issue 15: Chinese as a first-class language (full-width punctuation, verb forms, counting words, levels,
/// Chinese dance names), English number words, and suggestions that never mislead. Each program must give
/// exactly the timeline of the plain program next to it, or exactly the message shown.
@Suite struct ChineseAndHabitTests {
    /// The timeline of `program`, which must compile without any diagnostic.
    static func timeline(_ program: String) throws -> Timeline {
        let result = BopCompiler.compile(program)
        #expect(result.diagnostics.isEmpty, "\(program): \(result.diagnostics.map { "\($0.id) \($0.suggestion)" })")
        return try #require(result.timeline)
    }

    /// The program as a child wrote it, and the plain program it must mean.
    static let sameAs: [(written: String, plain: String)] = [
        // Full-width punctuation: `，。；` separate commands, `：` is decoration, `３` is a number.
        ("点头。\n", "点头\n"),
        ("向左看，向右看\n", "向左看\n向右看\n"),
        ("点头；摇头。向左看\n", "点头\n摇头\n向左看\n"),
        ("重复３次：\n  点头\n结束\n", "重复3次\n  点头\n结束\n"),
        ("定义动作 转圈：\n  点头\n结束\n转圈\n", "定义动作 转圈\n  点头\n结束\n转圈\n"),
        ("重复2次：点头，摇头\n结束\n", "重复2次\n  点头\n  摇头\n结束\n"),
        // Verb forms a child writes.
        ("等级 1\n说话 你好\n", "等级 1\n说 你好\n"),
        ("向左转\n", "转身 向左\n"),
        ("向右转 30\n", "转身 向右 30\n"),
        ("看左边\n", "向左看\n"),
        ("看右边 20\n", "向右看 20\n"),
        ("往左看\n往前看\n", "向左看\n向前看\n"),
        ("左转\n右转\n", "转身 向左\n转身 向右\n"),
        ("点点头\n摇摇头\n", "点头\n摇头\n"),
        ("等一下\n", "等待\n"),
        ("抬起头\n低下头\n", "抬头\n低头\n"),
        // Counting words and levels.
        ("点头 3下\n", "点头 3 次\n"),
        ("点头 3遍\n", "点头 3 次\n"),
        ("摇头 2 下\n", "摇头 2 次\n"),
        ("第2级\n点头 2 下\n", "等级 2\n点头 2 次\n"),
        ("第 2 级\n向左看 20\n", "等级 2\n向左看 20\n"),
        // English number words.
        ("nod three times\n", "nod 3 times\n"),
        ("look left thirty\n", "look left 30\n"),
        ("look left forty five\n", "look left 45\n"),
        ("repeat twelve times\n  nod\nend\n", "repeat 12 times\n  nod\nend\n"),
        ("wait one second\n", "wait 1 second\n"),
        ("pick one\n  nod\n  shake\nend\n", "pick one\n  nod\n  shake\nend\n"),
    ]

    @Test(arguments: sameAs.indices)
    func writtenMeansThePlainProgram(_ index: Int) throws {
        let (written, plain) = Self.sameAs[index]
        let a = try Self.timeline(written)
        let b = try Self.timeline(plain)
        // Several commands on one line keep that line's number; everything else is the same.
        func unnumbered(_ t: Timeline) -> [TimelineSegment] {
            t.segments.map {
                var s = $0
                s.line = 0
                return s
            }
        }
        #expect(unnumbered(a) == unnumbered(b), "\(written)")
        if !written.contains(where: { "，。；".contains($0) }) { #expect(a.segments == b.segments, "\(written)") }
        #expect(a.duration == b.duration, "\(written)")
    }

    @Test func sayWithSayingWordSpeaksOnlyTheWords() throws {
        let t = try Self.timeline("等级 1\n说话 你好\n")
        #expect(t.segments.compactMap(\.text) == ["你好"])
        let colon = try Self.timeline("说：「你好」\n")
        #expect(colon.segments.compactMap(\.text) == ["你好"])
        let plainColon = try Self.timeline("等级 1\n说：你好\n")
        #expect(plainColon.segments.compactMap(\.text) == ["你好"])
        // Unquoted words after `说` keep their commas: they are what is said, not two commands.
        let comma = try Self.timeline("等级 1\n说 你好，我是 Reachy。\n")
        #expect(comma.segments.compactMap(\.text) == ["你好，我是 Reachy。"])
        let quoted = try Self.timeline("说 “你好”，点头\n")
        #expect(quoted.segments.compactMap(\.text) == ["你好"])
        #expect(quoted.segments.count == 5)
    }

    @Test func exactTimelinesOfTheNewForms() throws {
        let look = try Self.timeline("向左看，向右看\n")
        #expect(look.segments.map(\.to) == [30, -30])
        #expect(look.duration == Rational(1))
        let turn = try Self.timeline("向左转\n")
        #expect(turn.segments.map(\.to) == [45])
        let numbers = try Self.timeline("look left forty five\n")
        #expect(numbers.segments.map(\.to) == [45])
        let level = BopCompiler.compile("第2级\n点头\n")
        #expect(level.program.level == 2)
    }

    /// The suggestion never shows code that does not work or means something else.
    @Test func suggestionsAreRecheckedAndNeverMislead() throws {
        let cases: [(program: String, id: String, suggestion: String)] = [
            ("nod()\n", "another-way", "Can you try:  nod"),
            ("say(\"hello\")\n", "another-way", "Can you try:  say \"hello\""),
            ("set x to 5\nif x == 10\n  nod\nend\n", "another-way", "Can you try:  if x is 10"),
            ("repeat 2x\n  nod\nend\n", "missing-word", "Can you try:  repeat 2 times"),
            (
                "set x to 5\nchange x to 10\n", "missing-word",
                "`change` adds to a value. To give it a new value, can you try:  set x to 10"
            ),
            ("look left 30 cm\n", "wrong-unit", "Can you try:  look left 30 degrees"),
            ("define move spin:\n  nod\nend\nspin\n", "another-way", "Can you try:  define move spin"),
            ("x = 5\n", "another-way", "Can you try:  set x to 5"),
            ("设 x 为 5\n如果 x == 10\n  点头\n结束\n", "another-way", "试试这样写：如果 x 是 10"),
        ]
        for c in cases {
            let result = BopCompiler.compile(c.program)
            #expect(result.diagnostics.count == 1, "\(c.program): \(result.diagnostics.map(\.id))")
            let d = try #require(result.diagnostics.first)
            #expect(d.id == c.id, "\(c.program)")
            #expect(d.suggestion == c.suggestion, "\(c.program)")
            // What the fix gives compiles without errors.
            if let fix = d.fixIt {
                let fixed = BopCompiler.compile(result.source.applying(fix))
                #expect(!fixed.hasErrors, "\(c.program) → \(result.source.applying(fix))")
            }
        }
    }

    @Test func habitMessagesSayHowBopSaysIt() {
        let brackets = BopCompiler.compile("nod()\n").diagnostics.first
        #expect(
            brackets?.message == "Bop needs no brackets after a command: what goes with it just follows, after a space."
        )
        let colon = BopCompiler.compile("repeat 3 times:\n  nod\nend\n").diagnostics.first
        #expect(colon?.message == "Bop needs no `:` at the end of a line: the lines inside go on until `end`.")
        let equals = BopCompiler.compile("set x to 5\nif x == 10\n  nod\nend\n").diagnostics.first
        #expect(equals?.message == "To check if two things are the same, Bop says `is` instead of `==`.")
        let assign = BopCompiler.compile("x = 5\n").diagnostics.first
        #expect(assign?.message == "To give a name a value, Bop says `set … to …` instead of `=`.")
        let chinese = BopCompiler.compile("点头()\n").diagnostics.first
        #expect(chinese?.message == "在 Bop 里，命令后面不用加括号：要跟着它的数字和词，空一格直接写在后面就行。")
    }

    /// A suggestion whose fix would swap a known word for another is dropped, and its text says something true.
    @Test func aFixThatChangesTheMeaningIsDropped() {
        let source = SourceText("look left 30 degrees\n")
        let d = BopDiagnostic(
            kind: .unknownWord, severity: .error, range: SourceRange(line: 1, column: 14, endColumn: 21),
            title: "I DON'T KNOW THAT WORD", message: "", suggestion: "Did you mean `mm`?",
            fixIt: FixIt(range: SourceRange(line: 1, column: 14, endColumn: 21), replacement: "mm"))
        let checked = BopCompiler.verifyFixIts([d], in: source)
        #expect(checked.first?.fixIt == nil)
        #expect(checked.first?.suggestion == "Can you check this line against the examples in the guide?")
    }

    /// A "Can you try:  …" line that would not read is never shown.
    @Test func anExampleLineThatDoesNotReadIsDropped() {
        let source = SourceText("nod(\n")
        var d = BopDiagnostic(
            kind: .needsNumber, severity: .error, range: SourceRange(line: 1, column: 4, endColumn: 5),
            title: "I NEED A NUMBER", message: "", suggestion: "Can you try:  nod(3")
        d.example = "nod(3"
        var good = d
        good.example = "nod 3"
        good.suggestion = "Can you try:  nod 3"
        let checked = BopCompiler.verifyFixIts([d, good], in: source)
        #expect(
            checked.map(\.suggestion) == [
                "Can you check this line against the examples in the guide?", "Can you try:  nod 3",
            ])
    }
}
