import Synchronization
import Testing

@testable import Bop

/// Programs written to hurt (issue 13): very long math, deep nesting, and small programs asking for a huge
/// amount of work. Bop must answer each quickly, with a located diagnostic, and never crash. Nothing here
/// depends on the machine's speed: the time budget is tested with a budget of zero and cancellation with a flag.
@Suite struct HostileInputTests {
    /// `look left 1+1+…+1` with `terms` ones (`op` between them).
    static func longMath(_ terms: Int, _ op: String = "+", command: String = "look left ") -> String {
        command + Array(repeating: "1", count: terms).joined(separator: op) + "\n"
    }

    /// How many math expressions are nested inside each other at the deepest point of the program, found with
    /// a loop (no recursion, so a very deep tree cannot crash the test itself).
    static func mathDepth(_ program: BopProgram) -> Int {
        var deepest = 0
        var pending: [(value: Any, depth: Int)] = program.statements.map { ($0, 0) }
        while let (value, depth) = pending.popLast() {
            let here = value is Expression ? depth + 1 : depth
            deepest = max(deepest, here)
            for child in Mirror(reflecting: value).children { pending.append((child.value, here)) }
        }
        return deepest
    }

    /// `define move m0` … `m30`, each using the one before twice: 2^30 nods if planned in full.
    static func doublingMoves(_ levels: Int) -> String {
        var lines = ["define move m0", "  nod", "end"]
        for i in 1...levels { lines += ["define move m\(i)", "  m\(i - 1)", "  m\(i - 1)", "end"] }
        lines.append("m\(levels)")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Long math and deep nesting

    @Test func longMathIsReadIntoAFlatChain() {
        // Before the fix each `+` nested the math one level deeper (2,000 levels here), and running or freeing
        // it recursed once per level: 7,000 terms crashed a debug build, 40,000 a release build.
        let program = BopCompiler.parse(Self.longMath(2000)).program
        #expect(Self.mathDepth(program) <= 2)
        let mixed = BopCompiler.parse(Self.longMath(2000, "*") + Self.longMath(500, "+2*3-")).program
        #expect(Self.mathDepth(mixed) <= 3)
    }

    @Test func veryLongMathCompilesAndKeepsItsMeaning() throws {
        // Checked first, so that on a parser that still nests, this fails instead of crashing the test run.
        try #require(Self.mathDepth(BopCompiler.parse(Self.longMath(2000)).program) <= 2)
        let text = Self.longMath(40_000, "+", command: "set n to ") + "say n\n"
        let result = BopCompiler.compile(text)
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.id))")
        #expect(result.timeline?.segments.map(\.text) == ["40000"])
        // Left to right, products first: 10 - 2 - 3 = 5, and 2 * 3 + 8 / 4 / 2 = 7.
        let order = BopCompiler.compile("set x to 10 - 2 - 3\nset y to 2 * 3 + 8 / 4 / 2\nsay x\nsay y\n")
        #expect(order.timeline?.segments.map(\.text) == ["5", "7"])
    }

    @Test func divisionByZeroAtTheEndOfALongChainIsLocated() throws {
        try #require(Self.mathDepth(BopCompiler.parse(Self.longMath(2000)).program) <= 2)
        let ones = Array(repeating: "1", count: 10_000).joined(separator: "*")
        let result = BopCompiler.compile("nod\nlook left " + ones + "/0\n")
        let error = try #require(result.diagnostics.first { $0.id == "divide-by-zero" })
        #expect(error.range.line == 2 && error.range.column == 11)
        #expect(result.timeline == nil)
    }

    @Test func deepBracketsAreRefusedWithALocatedDiagnostic() throws {
        let depth = 5000
        let text = "nod\nlook left " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        let result = BopCompiler.compile(text + "\n")
        let error = try #require(result.diagnostics.first { $0.id == "too-deep" })
        #expect(error.range.line == 2)
        #expect(error.message.contains("\(BopLimits.nestingLimit)"))
        let minus = BopCompiler.compile("look left " + String(repeating: "-", count: depth) + "1\n")
        #expect(minus.diagnostics.contains { $0.id == "too-deep" && $0.range.line == 1 })
    }

    @Test func deepBlocksAreRefusedWithALocatedDiagnostic() throws {
        let depth = 3000
        let text =
            Array(repeating: "repeat 2 times", count: depth).joined(separator: "\n") + "\nnod\n"
            + Array(repeating: "end", count: depth).joined(separator: "\n") + "\n"
        let result = BopCompiler.compile(text)
        let error = try #require(result.diagnostics.first { $0.id == "too-deep" })
        #expect((BopLimits.nestingLimit...BopLimits.nestingLimit + 1).contains(error.range.line))
        #expect(result.timeline == nil)
        // The `end`s after the spot were never read, so they are not reported missing.
        #expect(result.diagnostics.map(\.id) == ["too-deep"])
    }

    // MARK: Too much work

    @Test func doublingMovesAreCheckedOnceEach() {
        // The checker used to follow every use of every move: 2^40 looks here.
        var checker = Checker(
            program: BopCompiler.parse(Self.doublingMoves(40)).program, messages: MessageCatalog(BopLanguages.english))
        checker.check()
        #expect(checker.diagnostics.isEmpty)
        // A ring of 40 moves is a move using itself, even though it is longer than the nesting limit.
        var ring: [String] = []
        for i in 0..<40 { ring += ["define move r\(i)", "  nod", "  r\((i + 1) % 40)", "end"] }
        let looping = BopCompiler.compile(ring.joined(separator: "\n") + "\nr0\n")
        #expect(looping.diagnostics.filter { $0.id == "calls-itself" }.count == 40)
    }

    @Test func doublingMovesArePlannedUpToTheHorizon() throws {
        // 2^30 nods: planning stops at the 10-minute horizon, as for a `forever`.
        let result = BopCompiler.compile(Self.doublingMoves(30))
        #expect(result.diagnostics.map(\.id) == ["horizon"])
        #expect(result.timeline?.truncated == true)
        // With fewer segments allowed than 10 minutes of nods make, it stops at the segment limit instead, on
        // the line that went over it.
        let busy = BopCompiler.compile(Self.doublingMoves(30), options: BopOptions(segmentLimit: 1000))
        let error = try #require(busy.diagnostics.first { $0.severity == .error })
        #expect(error.id == "too-many-moves")
        #expect(error.range.line == 2)
        #expect(error.message.contains("1000"))
        #expect(busy.timeline == nil)
    }

    @Test(arguments: ["nod 1000000000 times", "nod 1000000 times", "shake 40000 times", "wiggle antennas 20000 times"])
    func hugeCountsAreRefusedBeforeAnythingIsMade(_ line: String) throws {
        let result = BopCompiler.compile("look left\n" + line + "\n")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.id == "too-many-moves")
        #expect(error.range.line == 2 && error.range.column == 1)
        #expect(result.timeline == nil)
    }

    @Test func theSegmentLimitCountsEverySegment() throws {
        let fits = BopCompiler.compile("nod 5 times\n", options: BopOptions(segmentLimit: 10))
        #expect(fits.timeline?.segments.count == 10)
        let over = BopCompiler.compile("nod 6 times\n", options: BopOptions(segmentLimit: 10))
        #expect(over.diagnostics.map(\.id) == ["too-many-moves"])
        let dances = BopCompiler.compile(
            "say \"go\"\nrepeat 1000 times\n  dance simple nod\nend\n", options: BopOptions(segmentLimit: 50))
        let error = try #require(dances.diagnostics.first { $0.severity == .error })
        #expect(error.id == "too-many-moves" && error.range.line == 3)
    }

    @Test func theSegmentLimitSpeaksTheProgramsLanguage() throws {
        let result = BopCompiler.compile("点头1000000000次\n")
        let error = try #require(result.diagnostics.first)
        #expect(error.id == "too-many-moves")
        #expect(error.title == BopLanguages.all["zh"]?.messages["too-many-moves.title"])
    }

    @Test func anEmptyMoveRepeatedForeverCountsItsSteps() throws {
        // Each round of `x 1000000000 times` is a step, so the step budget stops it.
        let result = BopCompiler.compile("define move x\nend\nnod\nx 1000000000 times\n")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.id == "too-much" && error.range.line == 4)
    }

    // MARK: Time budget and cancellation

    @Test func aTimeBudgetOfZeroStopsAtTheFirstStep() throws {
        let result = BopCompiler.compile("nod\nlook left\n", options: BopOptions(timeBudget: .zero))
        #expect(result.diagnostics.map(\.id) == ["too-slow"])
        #expect(result.diagnostics.first?.range.line == 1)
        #expect(result.timeline == nil)
        let chinese = BopCompiler.compile("点头\n", options: BopOptions(timeBudget: .zero))
        #expect(chinese.diagnostics.first?.title == BopLanguages.all["zh"]?.messages["too-slow.title"])
        // No budget at all is allowed too.
        #expect(BopCompiler.compile("nod\n", options: BopOptions(timeBudget: nil)).timeline != nil)
    }

    @Test func theTimeBudgetAlsoStopsReadingALongBrokenProgram() throws {
        // A program full of typos is read (and its "did you mean" fixes re-checked) line by line; the budget
        // and the cancellation check are looked at while reading too, and stop it with one error.
        let typos = String(repeating: "lok left\n", count: 500)
        let late = BopCompiler.compile(typos, options: BopOptions(timeBudget: .zero))
        #expect(late.diagnostics.map(\.id) == ["too-slow"])
        let cancelled = BopCompiler.compile(typos, options: BopOptions(isCancelled: { true }))
        #expect(cancelled.diagnostics.map(\.id) == ["cancelled"])
        // Within the budget every typo is found, as before.
        let found = BopCompiler.compile(String(repeating: "lok left\n", count: 20))
        #expect(found.diagnostics.count == 20)
    }

    @Test func cancellationStopsPlanningWhileItRuns() throws {
        let cancelled = BopCompiler.compile("nod\n", options: BopOptions(isCancelled: { true }))
        #expect(cancelled.diagnostics.map(\.id) == ["cancelled"])
        #expect(cancelled.timeline == nil)
        // Asked again and again while a loop runs: the third time it says stop, and planning stops there.
        let asked = Atomic(0)
        let options = BopOptions(isCancelled: { asked.add(1, ordering: .relaxed).newValue >= 3 })
        let result = BopCompiler.compile("forever\n  nod\nend\n", options: options)
        #expect(asked.load(ordering: .relaxed) == 3)
        let error = try #require(result.diagnostics.first)
        #expect(error.id == "cancelled" && error.severity == .error)
        #expect(result.timeline == nil)
        // Never cancelled: the `forever` runs to the horizon as before.
        let never = BopCompiler.compile("forever\n  nod\nend\n", options: BopOptions(isCancelled: { false }))
        #expect(never.timeline?.truncated == true)
        #expect(never.diagnostics.map(\.id) == ["horizon"])
    }
}
