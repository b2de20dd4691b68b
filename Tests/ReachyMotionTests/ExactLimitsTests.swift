import Foundation
import Testing

@testable import ReachyMotion

/// The pose-level limits (roll/pitch ±40°, |head yaw − body yaw| ≤ 65°, z range) must hold for the head pose of the
/// goals actually written — forward kinematics of the joints after IK, motor-range clamps and the speed cap — not
/// only for the pose asked for (issue 13). Seeded, deterministic inputs at and beyond the limits.
@Suite("Exact pose limits of written goals")
struct ExactLimitsTests {
    /// Numeric slack allowed on the documented limits, radians (0.05°).
    static let tolerance = radians(0.05)

    /// How far the head pose of `joints` exceeds the limits (radians; z in meters counts as radians, ≤ 1e-3 m).
    static func excess(_ joints: HeadJoints, _ fk: inout ForwardKinematics, _ limits: SafetyLimits = .reachyMini)
        -> (excess: Double, roll: Double, pitch: Double, relativeYaw: Double)
    {
        guard let pose = try? fk.pose(for: joints) else { return (.infinity, .nan, .nan, .nan) }
        let e = pose.euler
        let relative = SafetyLimits.wrap(e.yaw - joints.body)
        let z = pose.translation.z
        let zExcess = max(0, limits.headZ.lowerBound - z, z - limits.headZ.upperBound)
        let worst = max(
            0, abs(e.roll) - limits.maxHeadRoll, abs(e.pitch) - limits.maxHeadPitch,
            abs(relative) - limits.maxRelativeYaw, zExcess)
        return (worst, e.roll, e.pitch, relative)
    }

    /// ``excess(_:_:_:)`` for one goal on its own, in the assembly mode continuous with the pose aimed for: the
    /// request clamped to the pose limits, whose plain IK joints have exactly that pose. FK is followed from there
    /// to the goal along the joint line in 20 warm-started steps (one solve from a far start can land in another
    /// mode of the platform, or not converge).
    static func continuousExcess(
        _ joints: HeadJoints, head: HeadPose, bodyYaw: Double, safe: SafeKinematics
    ) -> (excess: Double, roll: Double, pitch: Double, relativeYaw: Double) {
        guard let aimed = try? safe.limits.clampPose(head, bodyYaw: bodyYaw, automaticBodyYaw: safe.automaticBodyYaw)
        else { return (.infinity, .nan, .nan, .nan) }
        let raw = ReachyKinematics.reachyMini.stewartAngles(head: aimed.value.pose, bodyYaw: aimed.value.bodyYaw)
        var fk = ForwardKinematics()
        fk.reset(to: aimed.value.pose, bodyYaw: aimed.value.bodyYaw)
        let a = raw.values
        let b = joints.values
        for k in 1..<20 {
            let s = Double(k) / 20
            let v = (0..<7).map { a[$0] + (b[$0] - a[$0]) * s }
            _ = try? fk.pose(for: HeadJoints(body: v[0], s1: v[1], s2: v[2], s3: v[3], s4: v[4], s5: v[5], s6: v[6]))
        }
        return excess(joints, &fk)
    }

    /// Worst values seen over a run, degrees.
    struct Worst: CustomStringConvertible {
        var roll = 0.0, pitch = 0.0, relativeYaw = 0.0, excess = 0.0
        var description: String {
            "worst |roll| \(degrees(roll))°, |pitch| \(degrees(pitch))°, |head−body yaw| \(degrees(relativeYaw))°, "
                + "excess \(degrees(excess))°"
        }
        mutating func add(_ r: (excess: Double, roll: Double, pitch: Double, relativeYaw: Double)) {
            roll = max(roll, abs(r.roll))
            pitch = max(pitch, abs(r.pitch))
            relativeYaw = max(relativeYaw, abs(r.relativeYaw))
            excess = max(excess, r.excess)
        }
    }

    /// Extreme and random targets: exact limits, just beyond, far beyond, extreme yaw pairs, translations.
    static func targets(count: Int, seed: UInt64) -> [(head: HeadPose, bodyYaw: Double)] {
        var out: [(HeadPose, Double)] = []
        let angles: [Double] = [-60, -40, -39.99, 0, 39.99, 40, 40.01, 60]
        for roll in angles {
            for pitch in angles {
                out.append((.degrees(roll: roll, pitch: pitch), 0))
                out.append((.degrees(z: 0.015, roll: roll, pitch: pitch, yaw: 30), radians(-20)))
            }
        }
        let yaws: [Double] = [-250, -180, -160, -95, -65, -64.9, 0, 64.9, 65, 95, 160, 180, 250]
        for yaw in yaws {
            for body in yaws {
                out.append((.degrees(yaw: yaw), radians(body)))
                out.append((.degrees(roll: 40, pitch: -40, yaw: yaw), radians(body)))
            }
        }
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<count {
            let pose = HeadPose.degrees(
                x: .random(in: -0.02...0.02, using: &rng), y: .random(in: -0.02...0.02, using: &rng),
                z: .random(in: -0.06...0.03, using: &rng), roll: .random(in: -55...55, using: &rng),
                pitch: .random(in: -55...55, using: &rng), yaw: .random(in: -200...200, using: &rng))
            out.append((pose, radians(.random(in: -200...200, using: &rng))))
        }
        return out
    }

    @Test(
        "FK of every goal from SafeKinematics stays within roll/pitch/relative-yaw/z limits", arguments: [true, false])
    func targetGoalsWithinLimits(automaticBodyYaw: Bool) throws {
        let safe = SafeKinematics(automaticBodyYaw: automaticBodyYaw)
        var worst = Worst()
        var refused = 0
        var failures: [String] = []
        for (head, body) in Self.targets(count: 3000, seed: 13) {
            guard let goals = try? safe.motorGoals(head: head, antennas: .zero, bodyYaw: body) else {
                refused += 1
                continue
            }
            let r = Self.continuousExcess(goals.value.head, head: head, bodyYaw: body, safe: safe)
            worst.add(r)
            if r.excess > Self.tolerance, failures.count < 5 {
                failures.append(
                    "\(EulerPoseSummary(head)) body \(degrees(body))° → \(degrees(r.roll))°, "
                        + "\(degrees(r.pitch))°, rel \(degrees(r.relativeYaw))°")
            }
        }
        print("ExactLimits targets (automatic body yaw \(automaticBodyYaw)): \(worst); \(refused) refused")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(worst.excess <= Self.tolerance, "\(worst)")
    }

    /// Runs the loop's last stage on a sequence of targets like the control loop does (one call per 10 ms tick).
    static func runLoop(
        _ targets: [[Double]], ticksEach: Int, safe: SafeKinematics, start: JointVector
    ) throws -> (worst: Worst, final: JointVector) {
        var fk = ForwardKinematics()
        var stageFK = ForwardKinematics()
        var last = start
        var worst = Worst()
        for target in targets {
            let wanted = try JointVector(motorOrder: target)
            for _ in 0..<ticksEach {
                let next = try safe.limitStep(from: last, to: wanted, dt: 0.01, fk: &stageFK).value
                // The speed cap still holds: no joint moves more than 8 rad/s · 10 ms per tick.
                let jump = zip(next.motorOrder, last.motorOrder).map { abs($0 - $1) }.max() ?? 0
                if jump > safe.limits.maxJointSpeed * 0.01 + 1e-9 { throw SpeedCapBroken(jump: jump) }
                last = next
                worst.add(excess(last.head, &fk))
            }
        }
        return (worst, last)
    }

    struct SpeedCapBroken: Error { var jump: Double }

    @Test("transitions: joint-space steps of the loop between safe goals stay within the limits")
    func transitionsWithinLimits() throws {
        let safe = SafeKinematics()
        var rng = SeededGenerator(seed: 2026)
        var all = Self.targets(count: 400, seed: 7)
        all.shuffle(using: &rng)
        let goals = all.compactMap { try? safe.motorGoals(head: $0.head, antennas: .zero, bodyYaw: $0.bodyYaw) }
            .map(\.value.motorOrder)
        let start = try safe.motorGoals(head: .degrees(), antennas: .zero).value
        let run = try Self.runLoop(goals, ticksEach: 40, safe: safe, start: start)
        print("ExactLimits transitions: \(run.worst)")
        #expect(run.worst.excess <= Self.tolerance, "\(run.worst)")
    }

    @Test("a recorded move swinging through extreme frames: every written goal within the limits")
    func recordedExtremeFrames() throws {
        let safe = SafeKinematics()
        var frames: [MoveFrame] = []
        var times: [Double] = []
        var rng = SeededGenerator(seed: 99)
        for i in 0..<200 {
            let sign: Double = i % 2 == 0 ? 1 : -1
            frames.append(
                MoveFrame(
                    head: .degrees(
                        z: .random(in: -0.05...0.02, using: &rng), roll: sign * .random(in: 35...60, using: &rng),
                        pitch: -sign * .random(in: 35...60, using: &rng), yaw: sign * .random(in: 60...200, using: &rng)
                    ), antennas: Antennas(right: 3, left: -3),
                    bodyYaw: -sign * radians(.random(in: 0...60, using: &rng))))
            times.append(Double(i) * 0.3)
        }
        let move = try RecordedMove(description: "extreme", times: times, frames: frames)
        var targetWorst = Worst()
        var targets: [[Double]] = []
        var t = 0.0
        while t <= move.duration {
            let f = move.evaluate(t)
            if let g = try? safe.motorGoals(head: f.head, antennas: f.antennas, bodyYaw: f.bodyYaw) {
                targetWorst.add(Self.continuousExcess(g.value.head, head: f.head, bodyYaw: f.bodyYaw, safe: safe))
                targets.append(g.value.motorOrder)
            }
            t += 0.01
        }
        let run = try Self.runLoop(targets, ticksEach: 1, safe: safe, start: JointVector(motorOrder: targets[0]))
        print("ExactLimits recorded move: targets \(targetWorst); written \(run.worst)")
        #expect(targetWorst.excess <= Self.tolerance, "\(targetWorst)")
        #expect(run.worst.excess <= Self.tolerance, "\(run.worst)")
    }
}
