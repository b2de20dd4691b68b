import Testing

@testable import Dynamixel

@Suite("Benchmarks (smoke)")
struct BenchmarkTests {
    @Test func everyBenchmarkRunsAndCountsItsWork() {
        let results = DynamixelBenchmarks.run(scale: 0.001)
        #expect(results.map(\.name).count == 4)
        #expect(results.allSatisfy { $0.iterations >= 1 && $0.seconds >= 0 && $0.isValid })
        #expect(results.first { $0.name.contains("9 status packets") }?.packetsPerIteration == 9)
    }
}
