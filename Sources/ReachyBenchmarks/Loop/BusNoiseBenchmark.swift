public import Dynamixel
import Foundation
import ReachyBridge
public import ReachyMotion
import ReachySimulator

/// What byte loss on the servo bus does to startup and to the control loop's goal writes, on the in-process
/// simulator with seeded faults (so every run gives the same numbers).
///
/// - Startup: `RobotStartup.run` (what `ReachyMini.connect` and `reachy wake` do) over the loopback transport with
///   `ServoBusConfiguration.inProcess`, once per seed.
/// - Goal writes: the loop's per-tick bus work (`ServoBusMotorIO.readPositions`, then `writeGoals`) at 100 Hz over a
///   `WireTimedTransport`, where waiting for a lost reply costs the time it costs on a 1 Mbps wire. A tick whose
///   start was overrun by the previous one is skipped, as the real-time tick source skips missed deadlines; the
///   share kept is the Goal Position Sync Writes the simulated servos received over the ticks asked for.
public enum BusNoiseBenchmark {
    /// One loss level's results.
    public struct Row: Sendable, CustomStringConvertible {
        /// Probability that each reply byte is lost.
        public var lossRate: Double
        /// Startups that succeeded, of `startups`.
        public var startupsSucceeded: Int
        /// Startups tried (one per seed).
        public var startups: Int
        /// Goal Position Sync Writes the servos received.
        public var goalWrites: Int
        /// Ticks run (one write each when nothing is lost).
        public var ticks: Int
        /// The first startup failure's message, if any.
        public var firstFailure: String?

        /// The share of goal writes kept, 0…1.
        public var goalWritesKept: Double { ticks == 0 ? 0 : Double(goalWrites) / Double(ticks) }

        public var description: String {
            let loss = String(format: "%4.1f %%", lossRate * 100)
            let kept = String(format: "%5.1f %%", goalWritesKept * 100)
            var line = "byte loss \(loss): startup \(startupsSucceeded)/\(startups), goal writes kept \(kept) "
            line += "(\(goalWrites) of \(ticks) ticks)"
            if let firstFailure { line += "\n    first startup failure: \(firstFailure)" }
            return line
        }
    }

    /// Measures each loss rate with seeds 1…`seeds` and `ticks` loop ticks.
    public static func run(
        lossRates: [Double] = [0, 0.01, 0.02, 0.05, 0.10], seeds: Int = 10, ticks: Int = 2_000
    ) -> [Row] {
        lossRates.map { rate in
            var row = Row(lossRate: rate, startupsSucceeded: 0, startups: seeds, goalWrites: 0, ticks: ticks)
            for seed in 1...max(1, seeds) {
                switch startup(lossRate: rate, seed: UInt64(seed)) {
                case .success: row.startupsSucceeded += 1
                case .failure(let error): if row.firstFailure == nil { row.firstFailure = error.description }
                }
            }
            row.goalWrites = goalWrites(lossRate: rate, seed: 1, ticks: ticks)
            return row
        }
    }

    /// Runs the startup sequence once on a fresh simulator losing `lossRate` of its reply bytes.
    public static func startup(lossRate: Double, seed: UInt64) -> Result<RobotStartup.Report, StartupError> {
        var faults = SimulatorFaults()
        faults.byteLossRate = lossRate
        let robot = VirtualReachyMini(clock: VirtualClock(), seed: seed, faults: faults)
        let bus = ServoBus(transport: robot.makeTransport(), configuration: .inProcess)
        do {
            return .success(try RobotStartup(supplyTimeout: 2).run(on: bus, enableTorque: true))
        } catch {
            return .failure(error)
        }
    }

    /// Runs `ticks` loop ticks at `rate` Hz on a wire-timed simulator and returns how many Goal Position Sync Writes
    /// the servos received.
    public static func goalWrites(
        lossRate: Double, seed: UInt64, ticks: Int, rate: Double = 100,
        configuration: ServoBusConfiguration = ServoBusConfiguration()
    ) -> Int {
        var faults = SimulatorFaults()
        faults.byteLossRate = lossRate
        let clock = VirtualClock()
        let robot = VirtualReachyMini(clock: clock, seed: seed, faults: faults)
        let bus = ServoBus(transport: robot.makeWireTimedTransport(clock: clock), configuration: configuration)
        let motors = RobotConfiguration.reachyMini.motors
        let io = ServoBusMotorIO(bus: bus, ids: motors.map(\.id), names: motors.map(\.name), usesFastSyncRead: true)
        let period = Duration.nanoseconds(Int64(1e9 / rate))
        var start = clock.now()
        for tick in 0..<ticks {
            let end = start + period
            defer { start = end }
            let now = clock.now()
            if now >= end { continue }  // the previous tick overran this one: skipped, as a real-time loop does
            clock.advance(by: start - now)
            _ = try? io.readPositions()
            let angle = 0.1 * sin(Double(tick) * 2 * .pi / 200)
            try? io.writeGoals(Array(repeating: angle, count: motors.count))
        }
        return robot.bus.statistics.syncWrites[Register.goalPosition.address] ?? 0
    }
}
