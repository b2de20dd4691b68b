import Testing

@testable import ReachyBenchmarks

/// The benchmarks run and count their work (the numbers themselves are measured by `reachy bench`, not here).
@Suite("Benchmarks (smoke)")
struct BenchmarkSmokeTests {
    @Test func everyProtocolBenchmarkRunsAndChecksItsWork() throws {
        let results = DynamixelBenchmarks.run(scale: 0.001)
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0.isValid && ($0[""] ?? 0) > 0 })
        let statuses = try #require(results.first { $0.name.contains("9 status packets") })
        let perSecond = try #require(statuses[""])
        let packets = try #require(statuses["packets"])
        #expect(abs(packets - 9 * perSecond) <= 1e-6 * packets, "9 packets per iteration")
    }

    @Test func ptyRoundTripReportsOrderedPercentiles() throws {
        let result = try HardwareBenchmarks.ptyRoundTrip(iterations: 20)
        let median = try #require(result["median"])
        let p99 = try #require(result["p99"])
        let worst = try #require(result["worst"])
        #expect(median > 0)
        #expect(median <= p99)
        #expect(p99 <= worst)
        #expect(result.note == "20 round trips")
    }

    @Test func aResultSaysWhatItMeasuredAndWhetherItWasValid() {
        var result = BenchmarkResult(
            name: "decode", figures: [.init("", 12_345.6, "/s"), .init("each", 81.0, "µs")], note: "20 runs")
        #expect(result.description == "decode: 12346/s, each 81.0 µs (20 runs)")
        result.isValid = false
        #expect(result.description.hasPrefix("INVALID decode:"))
        #expect(result["each"] == 81)
        #expect(result["missing"] == nil)
    }
}
