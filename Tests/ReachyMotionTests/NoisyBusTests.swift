import Dynamixel
import Foundation
import ReachyMotion
import ReachySimulator
import Testing

/// The servo bus under electrical noise (issue 13, point 4), on the seeded in-process simulator: startup must get
/// through byte loss, the control loop must keep writing goals, and corrupted replies must be reported as noise —
/// not as missing motors or a power problem. Deterministic: fixed seeds, virtual clocks, no timing assertions.
@Suite("A bus that survives noise")
struct NoisyBusTests {
    static let seeds: [UInt64] = Array(1...10)

    func startup(_ faults: SimulatorFaults, seed: UInt64) -> Result<RobotStartup.Report, StartupError> {
        let robot = VirtualReachyMini(clock: VirtualClock(), seed: seed, faults: faults)
        let bus = ServoBus(transport: robot.makeTransport(), configuration: .inProcess)
        var startup = RobotStartup()
        startup.supplyTimeout = 0.5
        return Result { () throws(StartupError) in try startup.run(on: bus, enableTorque: true) }
    }

    @Test("startup at 5 % byte loss succeeds for at least 9 of 10 fixed seeds")
    func startupAtFivePercentLoss() {
        var faults = SimulatorFaults()
        faults.byteLossRate = 0.05
        var failures: [String] = []
        for seed in Self.seeds {
            if case .failure(let error) = startup(faults, seed: seed) { failures.append("seed \(seed): \(error)") }
        }
        #expect(failures.count <= 1, "\(failures.count) of 10 startups failed:\n\(failures.joined(separator: "\n"))")
    }

    /// The loop's per-tick bus work at 100 Hz on a wire-timed link: a read that waits out lost replies for longer
    /// than a tick makes the next tick (and its goal write) be skipped, as the real-time tick source does.
    func goalWritesKept(lossRate: Double, seed: UInt64, ticks: Int) -> Int {
        var faults = SimulatorFaults()
        faults.byteLossRate = lossRate
        let clock = VirtualClock()
        let robot = VirtualReachyMini(clock: clock, seed: seed, faults: faults)
        let bus = ServoBus(transport: robot.makeWireTimedTransport(clock: clock))
        let motors = RobotConfiguration.reachyMini.motors
        let io = ServoBusMotorIO(bus: bus, ids: motors.map(\.id), names: motors.map(\.name), usesFastSyncRead: true)
        let period = Duration.milliseconds(10)
        var start = clock.now()
        for tick in 0..<ticks {
            let end = start + period
            defer { start = end }
            let now = clock.now()
            if now >= end { continue }
            clock.advance(by: start - now)
            _ = try? io.readPositions()
            try? io.writeGoals(Array(repeating: 0.1 * sin(Double(tick) / 30), count: motors.count))
        }
        return robot.bus.statistics.syncWrites[Register.goalPosition.address] ?? 0
    }

    @Test("without noise every tick writes its goals")
    func goalWritesWithoutNoise() {
        #expect(goalWritesKept(lossRate: 0, seed: 1, ticks: 500) == 500)
    }

    @Test("at 2 % byte loss the loop keeps at least 90 % of its goal writes")
    func goalWritesAtTwoPercentLoss() {
        let ticks = 1_000
        let written = goalWritesKept(lossRate: 0.02, seed: 7, ticks: ticks)
        #expect(written * 10 >= ticks * 9, "only \(written) of \(ticks) goal writes reached the motors")
    }

    @Test("replies that arrive corrupted are reported as noise, not as missing motors or a power problem")
    func corruptedRepliesSayNoise() {
        for (name, faults) in [("crc", crcFaults(1)), ("byte loss", lossFaults(0.4))] {
            guard case .failure(let error) = startup(faults, seed: 3) else {
                Issue.record("\(name): startup should fail when every reply is damaged")
                continue
            }
            let message = error.description
            #expect(message.contains("replies arrive corrupted"), "\(name): \(message)")
            #expect(message.contains("check the cable and connectors"), "\(name): \(message)")
            #expect(!message.contains("power supply") && !message.contains("do not answer"), "\(name): \(message)")
        }
    }

    @Test("a motor that is really missing is still reported as missing on a clean bus")
    func missingStaysMissing() {
        var faults = SimulatorFaults()
        faults.missingIDs = [14]
        guard case .failure(.missingMotors(let names, _)) = startup(faults, seed: 1) else {
            Issue.record("expected motor 14 to be reported missing")
            return
        }
        #expect(names == ["stewart_4"])
    }

    func crcFaults(_ rate: Double) -> SimulatorFaults {
        var faults = SimulatorFaults()
        faults.crcCorruptionRate = rate
        return faults
    }

    func lossFaults(_ rate: Double) -> SimulatorFaults {
        var faults = SimulatorFaults()
        faults.byteLossRate = rate
        return faults
    }
}
