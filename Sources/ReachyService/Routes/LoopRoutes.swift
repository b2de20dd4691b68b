import Hummingbird
import ReachyMotion

/// `GET /api/loop/statistics` (ours): the control loop's health since it started — ticks, lateness histogram, missed
/// deadlines, the deepest stack a tick used — and the server's resident memory, for soak runs (`reachy bench soak`).
enum LoopRoutes {
    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let service = env.service
        table.add(
            RouteInfo(
                method: .get, path: "/api/loop/statistics",
                summary:
                    "Control-loop statistics since start: rate, ticks, missed ticks, lateness percentiles and "
                    + "histogram, deepest tick stack, resident memory.",
                origin: .ours)
        ) { _, _ in
            let stats = service.robot.loopStatistics
            let lateness = stats.lateness
            return JSONResponse.make(
                LoopStatisticsDTO(
                    rate_hz: stats.rate, ticks: stats.ticks, missed_ticks: stats.missedTicks, realtime: stats.realtime,
                    lateness_p50_us: Double(lateness.percentile(0.5)) / 1000,
                    lateness_p99_us: Double(lateness.percentile(0.99)) / 1000,
                    lateness_max_us: Double(lateness.maxNanoseconds) / 1000,
                    lateness_histogram: lateness.bucketCounts,
                    deepest_tick_stack_bytes: stats.deepestTickStackBytes,
                    resident_memory_kib: ProcessMemory.residentKiB()))
        }
    }
}

/// The body of `GET /api/loop/statistics`.
package struct LoopStatisticsDTO: Codable, Sendable {
    package var rate_hz: Double
    package var ticks: UInt64
    package var missed_ticks: UInt64
    package var realtime: Bool
    package var lateness_p50_us: Double
    package var lateness_p99_us: Double
    package var lateness_max_us: Double
    /// Samples per bucket of `LatenessStatistics` (log scale from 1 µs, ~10 % wide).
    package var lateness_histogram: [UInt64]
    package var deepest_tick_stack_bytes: Int
    package var resident_memory_kib: Int?
}
