import Foundation

/// Control-loop timing against the pty simulator: a `PtySimulatorServer` in this process, opened through
/// `openTransport` (termios) exactly like a robot's serial port, with the full startup and the loop holding a
/// dance. Reports wake-up lateness and bus time per tick. Not a test: use a release build.
public enum LoopBenchmark {
    /// One run's figures.
    public struct Result: Sendable, CustomStringConvertible {
        public var rate: Double
        public var seconds: Double
        public var ticks: UInt64
        public var latenessP50: UInt64
        public var latenessP99: UInt64
        public var latenessMax: UInt64
        public var busP50: UInt64
        public var busP99: UInt64
        public var missedTicks: UInt64
        public var realtime: Bool
        public var fastSyncRead: Bool

        public var description: String {
            func ms(_ ns: UInt64) -> String { String(format: "%.3f ms", Double(ns) / 1e6) }
            return String(format: "%.0f Hz, %.0f s, %llu ticks: ", rate, seconds, ticks)
                + "lateness p50 \(ms(latenessP50)), p99 \(ms(latenessP99)), max \(ms(latenessMax)); "
                + "bus per tick p50 \(ms(busP50)), p99 \(ms(busP99)); missed \(missedTicks); "
                + "SCHED_FIFO \(realtime ? "yes" : "no"); \(fastSyncRead ? "fast sync read" : "sync read")"
        }
    }

    /// Runs the loop at each rate for `seconds` while it plays a dance, on a fresh pty simulator.
    public static func run(rates: [Double] = [100, 200], seconds: Double = 5) async throws -> [Result] {
        var results: [Result] = []
        for rate in rates {
            let robot = VirtualReachyMini(
                clock: MonotonicClock(), interByteTimeout: PtySimulatorServer.interByteTimeout)
            let server = try PtySimulatorServer(bus: robot.bus)
            server.start()
            defer { server.stop() }
            var options = ReachyMiniOptions(rate: rate)
            options.supplyTimeout = 2
            let mini = try await ReachyMini.connect(.serial(server.devicePath), options: options)
            defer { mini.close() }
            let dance = try TimedMove(DanceMove("simple_nod"), duration: seconds)
            try await mini.play(dance, initialGotoDuration: 0.2)
            let statistics = mini.loopStatistics
            results.append(
                Result(
                    rate: rate, seconds: seconds, ticks: statistics.lateness.count,
                    latenessP50: statistics.lateness.percentile(0.5), latenessP99: statistics.lateness.percentile(0.99),
                    latenessMax: statistics.lateness.maxNanoseconds, busP50: statistics.busTime.percentile(0.5),
                    busP99: statistics.busTime.percentile(0.99), missedTicks: statistics.missedTicks,
                    realtime: statistics.realtime, fastSyncRead: statistics.fastSyncRead))
        }
        return results
    }
}
