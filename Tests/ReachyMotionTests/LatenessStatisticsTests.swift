import Synchronization
import Testing

@testable import ReachyMotion

@Suite("Lateness statistics")
struct LatenessStatisticsTests {
    @Test func percentilesFollowTheSamples() {
        var statistics = LatenessStatistics()
        // 90 samples at 100 µs, 9 at 1 ms, 1 at 20 ms.
        for _ in 0..<90 { statistics.record(100_000) }
        for _ in 0..<9 { statistics.record(1_000_000) }
        statistics.record(20_000_000)
        #expect(statistics.count == 100)
        let p50 = statistics.percentile(0.5)
        #expect(p50 >= 100_000 && p50 <= 110_000)
        let p99 = statistics.percentile(0.99)
        #expect(p99 >= 1_000_000 && p99 <= 1_100_000)
        #expect(statistics.percentile(1.0) == 20_000_000)
        #expect(statistics.maxNanoseconds == 20_000_000)
        #expect(abs(statistics.meanNanoseconds - (9_000_000 + 9_000_000 + 20_000_000) / 100) < 1)
    }

    @Test func emptyStatisticsReportZero() {
        let statistics = LatenessStatistics()
        #expect(statistics.percentile(0.99) == 0)
        #expect(statistics.meanNanoseconds == 0)
    }
}

@Suite("Periodic thread")
struct PeriodicThreadTests {
    @Test func ticksInOrderAndStopsWhenAsked() async throws {
        let ticks = TickRecorder()
        let thread = PeriodicThread(name: "test", rate: 500) { tick in ticks.append(tick.index) }
        thread.start()
        #expect(thread.isRunning)
        // Wait (generously) for a handful of ticks; the assertion is about order, not speed.
        for _ in 0..<500 where ticks.count < 5 {
            try await Task.sleep(for: .milliseconds(10))
        }
        thread.stop()
        let seen = ticks.values
        #expect(seen.count >= 5)
        #expect(seen == Array(0..<UInt64(seen.count)))
        let afterStop = ticks.count
        try await Task.sleep(for: .milliseconds(20))
        #expect(ticks.count == afterStop)
        #expect(!thread.isRunning)
        #expect(thread.lateness.count == UInt64(afterStop))
    }
}

final class TickRecorder: Sendable {
    private let storage = Mutex<[UInt64]>([])
    func append(_ value: UInt64) { storage.withLock { $0.append(value) } }
    var values: [UInt64] { storage.withLock { $0 } }
    var count: Int { storage.withLock { $0.count } }
}
