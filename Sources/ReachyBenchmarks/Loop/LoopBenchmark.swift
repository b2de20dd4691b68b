import Foundation
import ReachyBridge

/// Control-loop timing against the pty simulator: a `PtySimulatorServer` in this process, opened through
/// `openTransport` (termios) exactly like a robot's serial port, with the full startup and the loop holding a
/// dance. Reports wake-up lateness and bus time per tick. Not a test: use a release build.
public enum LoopBenchmark {
    /// Runs the loop at each rate for `seconds` while it plays a dance, on a fresh pty simulator.
    public static func run(rates: [Double] = [100, 200], seconds: Double = 5) async throws -> [BenchmarkResult] {
        var results: [BenchmarkResult] = []
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
            func ms(_ label: String, _ nanoseconds: UInt64) -> BenchmarkResult.Figure {
                .init(label, Double(nanoseconds) / 1e6, "ms")
            }
            results.append(
                BenchmarkResult(
                    name: "control loop at \(Int(rate)) Hz",
                    figures: [
                        ms("lateness p50", statistics.lateness.percentile(0.5)),
                        ms("p99", statistics.lateness.percentile(0.99)),
                        ms("max", statistics.lateness.maxNanoseconds),
                        ms("bus per tick p50", statistics.busTime.percentile(0.5)),
                        ms("p99", statistics.busTime.percentile(0.99)),
                        .init("missed", Double(statistics.missedTicks), "ticks"),
                    ],
                    note:
                        "\(Int(seconds)) s, \(statistics.lateness.count) ticks; SCHED_FIFO \(statistics.realtime ? "yes" : "no"); "
                        + (statistics.fastSyncRead ? "fast sync read" : "sync read")))
        }
        return results
    }
}
