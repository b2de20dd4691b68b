import Dynamixel
import Foundation
import ReachyMotion
import ReachySimulator
import Synchronization

/// A simulated robot on the real clock (or on a test's virtual clock) with a loopback transport that records every Goal Position sync write
/// and can be "unplugged" and "plugged back": unplugging kills every transport opened so far for good (like a
/// pulled USB adapter: its file descriptor is dead), and transports opened later work once plugged back.
final class SimulatedLink: Sendable {
    let robot: VirtualReachyMini
    private let state = Mutex<(goals: [[UInt8: Int]], unplugged: Bool, opened: Int, deadUpTo: Int)>(([], false, 0, 0))

    /// The virtual clock the robot and its control loop share, when the test steps time.
    let ticks: ManualTickSource?

    init(faults: SimulatorFaults = SimulatorFaults(), ticks: ManualTickSource? = nil) {
        self.ticks = ticks
        robot = VirtualReachyMini(clock: ticks.map(TicksClock.init) ?? MonotonicClock(), faults: faults)
    }

    /// The simulator's time read from the loop's tick source.
    final class TicksClock: SimulatorClock {
        let ticks: ManualTickSource
        init(_ ticks: ManualTickSource) { self.ticks = ticks }
        func now() -> Duration { .nanoseconds(Int64(ticks.now())) }
    }

    /// A fresh transport to the robot (as a reopened serial port would be).
    func transport() -> LoopbackTransport {
        let index = state.withLock { state -> Int in
            state.opened += 1
            return state.opened
        }
        let bus = robot.bus
        return LoopbackTransport(name: "test simulator") { [self] bytes throws(TransportError) in
            if state.withLock({ $0.unplugged || index <= $0.deadUpTo }) {
                throw .disconnected(name: "test simulator", reason: "unplugged by the test")
            }
            if let goals = Self.goalWrite(bytes) { state.withLock { $0.goals.append(goals) } }
            return try bus.receive(bytes).bytes
        }
    }

    /// Every Goal Position sync write seen so far (ID → raw position).
    var goalWrites: [[UInt8: Int]] { state.withLock { $0.goals } }
    var opened: Int { state.withLock { $0.opened } }

    func setUnplugged(_ value: Bool) {
        state.withLock { state in
            state.unplugged = value
            if value { state.deadUpTo = state.opened }
        }
    }

    /// Decodes a Sync Write (0x83) of Goal Position (116, 4 bytes) into ID → raw position (no stuffing can occur:
    /// positions are at most 4095).
    static func goalWrite(_ p: [UInt8]) -> [UInt8: Int]? {
        guard p.count > 12, p[0] == 0xFF, p[1] == 0xFF, p[2] == 0xFD, p[4] == 0xFE, p[7] == 0x83,
            Int(p[8]) | Int(p[9]) << 8 == 116, Int(p[10]) | Int(p[11]) << 8 == 4
        else { return nil }
        var goals: [UInt8: Int] = [:]
        var i = 12
        while i + 5 <= p.count - 2 {
            let raw = UInt32(p[i + 1]) | UInt32(p[i + 2]) << 8 | UInt32(p[i + 3]) << 16 | UInt32(p[i + 4]) << 24
            goals[p[i]] = Int(Int32(bitPattern: raw))
            i += 5
        }
        return goals
    }

    /// Present position of a servo, radians.
    func present(_ motor: ReachyMotor) -> Double {
        DynamixelUnits.radians(fromPosition: Int(robot.bus.servo(motor.id)?.presentPosition ?? 0))
    }

    func torque(_ motor: ReachyMotor) -> Bool { robot.bus.servo(motor.id)?.torqueEnabled ?? false }
}

/// Waits (polling every 10 ms) until `condition` holds or `seconds` pass; returns whether it held.
func eventually(within seconds: Double, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

extension ReachyMiniOptions {
    /// Options for tests on the in-process simulator.
    static func test(rate: Double = 100) -> ReachyMiniOptions {
        var options = ReachyMiniOptions(rate: rate)
        options.bus = .inProcess
        options.supplyTimeout = 0.5
        return options
    }
}
