import Testing

@testable import Bop

/// Programs written to hurt (issue 13): very long math and deep nesting. Bop must answer each quickly, with a
/// located diagnostic, and never crash.
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
    }
}
