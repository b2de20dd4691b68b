import Testing

@testable import Bop
@testable import ReachyBenchmarks

/// The benchmark programs are valid and as long as they claim (the numbers are measured in release builds by
/// `reachy bench bop`, not here).
@Suite struct BenchmarkProgramTests {
    @Test func tenMinuteDanceLastsExactlyTenMinutes() throws {
        let result = BopCompiler.compile(BopBenchmarks.tenMinuteDance())
        #expect(result.diagnostics.isEmpty)
        // 75 rounds × 16 beats × 1/2 s = 600 s.
        #expect(try #require(result.timeline).duration == Rational(600))
    }

    @Test func tenThousandLineProgramCompiles() throws {
        let text = BopBenchmarks.tenThousandLineProgram()
        #expect(SourceText(text).lines.count == 10_001)  // 10,000 lines and the empty one after the last newline
        // No time budget: the result must not depend on how busy the machine is.
        let result = BopCompiler.compile(text, options: BopOptions(horizonSeconds: 36_000, timeBudget: nil))
        #expect(!result.hasErrors)
        #expect(try #require(result.timeline).truncated == false)
    }
}
