import Foundation
import ReachyBridge
import Testing

/// Issue 13 at the robot API: `goto` and `setTarget` throw typed errors for NaN, infinite or absurd numbers and
/// refuse what `setTarget` refuses (not a rotation, unreachable) before anything moves; nothing is stored, so the
/// next command still works. On the virtual clock (no dependence on machine speed).
@Suite("Target validation on the robot")
struct TargetValidationRobotTests {
    @Test("non-finite and absurd numbers throw invalidTarget and leave the state untouched")
    func nonFiniteInputs() async throws {
        let virtual = VirtualTimeSimulator(rate: 100, freeRunning: false)
        let mini = try await ExactLimitsRobotTests.connect(virtual)
        defer { mini.close() }
        let invalid: [(String, () async throws -> Void)] = [
            ("goto body 1e308", { try await mini.goto(bodyYaw: 1e308) }),
            ("goto body -1e308", { try await mini.goto(bodyYaw: -1e308) }),
            ("goto body NaN", { try await mini.goto(bodyYaw: .nan) }),
            ("goto antennas ∞", { try await mini.goto(antennas: Antennas(right: .infinity, left: 0)) }),
            ("goto head NaN", { try await mini.goto(head: .degrees(roll: .nan)) }),
            (
                "goto head x 1e308",
                { try await mini.goto(head: HeadPose(x: 1e308, y: 0, z: 0, roll: 0, pitch: 0, yaw: 0)) }
            ),
            ("setTarget body 1e308", { try mini.setTarget(bodyYaw: 1e308) }),
            ("setTarget body -∞", { try mini.setTarget(bodyYaw: -.infinity) }),
            ("setTarget antennas 1e308", { try mini.setTarget(antennas: Antennas(right: 0, left: 1e308)) }),
        ]
        for (name, call) in invalid {
            do {
                try await call()
                Issue.record("\(name) was accepted")
            } catch let error as ReachyMiniError {
                guard case .invalidTarget(let reason) = error else {
                    Issue.record("\(name): \(error)")
                    continue
                }
                switch reason {
                case .notFinite, .outOfRange: break
                default: Issue.record("\(name): \(reason)")
                }
                #expect(error.description.contains("Refusing to move"), "\(name): \(error)")
            }
        }
        if case .invalidTarget(let reason) = await Self.error({ try await mini.goto(bodyYaw: 1e308) }) {
            #expect(reason == .outOfRange(what: "body yaw", value: 1e308, allowed: -2 * .pi...2 * .pi, unit: "rad"))
        } else {
            Issue.record("goto body 1e308 did not throw invalidTarget")
        }
        // Untouched: a goto still moves, and so does a streamed target without a body yaw.
        try await virtual.ticks.drive { try await mini.goto(head: .degrees(z: 0.005), bodyYaw: 0.3, duration: 0.5) }
        virtual.ticks.advance(ticks: 30)
        #expect(abs((mini.bodyYaw ?? 0) - 0.3) < 0.02)
        try mini.setTarget(antennas: Antennas(right: 0.4, left: -0.4))
        virtual.ticks.advance(ticks: 100)
        #expect(abs((mini.antennas?.right ?? 0) - 0.4) < 0.02)
        #expect(abs((mini.bodyYaw ?? 0) - 0.3) < 0.02)
    }

    @Test("goto refuses a reflection, a non-rigid matrix and an unreachable pose like setTarget, before moving")
    func gotoRefusesWhatSetTargetRefuses() async throws {
        let virtual = VirtualTimeSimulator(rate: 100, freeRunning: false)
        let mini = try await ExactLimitsRobotTests.connect(virtual)
        defer { mini.close() }
        let reflection = try HeadPose(rowMajor: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1])
        let scaled = try HeadPose(rowMajor: [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1])
        let unreachable = HeadPose(x: 0.2, y: 0, z: 0, roll: 0, pitch: 0, yaw: 0)
        for pose in [reflection, scaled, unreachable] {
            let goto = await Self.error { try await mini.goto(head: pose, duration: 0.5) }
            let target = await Self.error { try mini.setTarget(head: pose) }
            guard case .unsafeTarget = goto else {
                Issue.record("goto \(pose): \(String(describing: goto))")
                continue
            }
            #expect(goto == target)
        }
        #expect(mini.isMoving == false)
    }

    static func error(_ body: () async throws -> Void) async -> ReachyMiniError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? ReachyMiniError
        }
    }
}
