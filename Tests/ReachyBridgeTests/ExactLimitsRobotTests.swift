import Foundation
import ReachyBridge
import Synchronization
import Testing

/// Issue 13: the documented pose limits hold for every goal `ReachyMini` writes (forward kinematics of the written
/// joints), through gotos, streamed targets and a recorded move at and beyond the limits — on the in-process
/// simulator and the virtual clock, so the result does not depend on the machine's speed.
@Suite("Exact pose limits on the robot")
struct ExactLimitsRobotTests {
    static let tolerance = 0.05 * .pi / 180

    static func connect(_ virtual: VirtualTimeSimulator) async throws -> ReachyMini {
        var settings = virtual.options()
        settings.supplyTimeout = 0.5
        let options = settings
        return try await virtual.ticks.drive { try await ReachyMini.connect(virtual.connection, options: options) }
    }

    static func wrap(_ a: Double) -> Double { a - 2 * .pi * ((a + .pi) / (2 * .pi)).rounded(.down) }

    @Test("every goal written during extreme gotos, targets and a recorded move is within the limits")
    func writtenGoalsWithinLimits() async throws {
        let virtual = VirtualTimeSimulator(rate: 100, freeRunning: false)
        let mini = try await Self.connect(virtual)
        let reader = Task { () -> [JointVector] in
            var goals: [JointVector] = []
            for await tick in mini.telemetry(buffering: 1_000_000) { if let goal = tick.goal { goals.append(goal) } }
            return goals
        }
        // The reproducer: a goto to exactly roll = pitch = 40°.
        try await virtual.ticks.drive { try await mini.goto(head: .degrees(roll: 40, pitch: 40), duration: 1) }
        virtual.ticks.advance(ticks: 50)
        // Corners of the limits; the ones the platform cannot reach are refused up front (nothing written).
        var refused = 0
        for (roll, pitch, yaw, z, body) in [
            (-40.0, 40.0, 60.0, 0.0, -0.35), (40, -40, -150, -0.05, 2.8), (-40, -40, 100, 0.01, 0),
            (35, 35, 0, -0.03, 0),
            (-40, 0, -65, 0, 0), (0, -40, 65, 0.015, -1),
        ] {
            do {
                try await virtual.ticks.drive {
                    try await mini.goto(
                        head: .degrees(z: z, roll: roll, pitch: pitch, yaw: yaw), bodyYaw: body, duration: 0.4)
                }
            } catch ReachyMiniError.unsafeTarget {
                refused += 1
            }
        }
        #expect(refused < 6)
        // Streamed targets at the limits, far apart (the speed cap shapes the transitions).
        for (roll, pitch, yaw, body) in [
            (40.0, 40.0, 200.0, -160.0), (-40, -40, -100, 160), (40, -40, 65, 0), (-45, 45, -65, 0), (0, 40, 160, -160),
        ] {
            // Unreachable ones are refused (nothing written); the others are reached through the speed cap.
            try? mini.setTarget(head: .degrees(roll: roll, pitch: pitch, yaw: yaw), bodyYaw: body * .pi / 180)
            virtual.ticks.advance(ticks: 80)
        }
        // A recorded move swinging between extreme frames every 0.2 s.
        var frames: [MoveFrame] = []
        for i in 0..<40 {
            let s: Double = i % 2 == 0 ? 1 : -1
            frames.append(
                MoveFrame(
                    head: .degrees(z: s * 0.02, roll: s * 48, pitch: -s * 44, yaw: s * 170),
                    antennas: Antennas(right: 3, left: -3), bodyYaw: -s * 0.3))
        }
        let move = try RecordedMove(description: "extreme", times: (0..<40).map { Double($0) * 0.2 }, frames: frames)
        try await virtual.ticks.drive { try await mini.play(move, initialGotoDuration: 0.3) }
        virtual.ticks.advance(ticks: 20)
        mini.close()
        let goals = await reader.value

        var fk = ForwardKinematics()
        var worst = (roll: 0.0, pitch: 0.0, relative: 0.0)
        var bad = 0
        let limits = SafetyLimits.reachyMini
        for goal in goals {
            let pose = try fk.pose(for: goal.head)
            let e = pose.euler
            let relative = Self.wrap(e.yaw - goal.head.body)
            worst = (max(worst.roll, abs(e.roll)), max(worst.pitch, abs(e.pitch)), max(worst.relative, abs(relative)))
            if abs(e.roll) > limits.maxHeadRoll + Self.tolerance || abs(e.pitch) > limits.maxHeadPitch + Self.tolerance
                || abs(relative) > limits.maxRelativeYaw + Self.tolerance
            {
                bad += 1
            }
        }
        let summary =
            "\(goals.count) goals; worst |roll| \(worst.roll * 180 / .pi)°, |pitch| \(worst.pitch * 180 / .pi)°, "
            + "|head−body yaw| \(worst.relative * 180 / .pi)°; \(bad) beyond the limits"
        print("ExactLimits robot: \(summary)")
        #expect(goals.count > 1000)
        #expect(bad == 0, "\(summary)")
    }
}
