import Foundation
import ReachyBridge

/// Forward kinematics of the goals a robot wrote, followed tick by tick the way the head moves (one warm-started
/// solver, so it stays in the assembly mode the platform is in), checked against the documented pose limits:
/// |roll|, |pitch| ≤ 40° and |head yaw − body yaw| ≤ 65°, with 0.01° of numeric slack. Each goal is checked as
/// commanded and as the bus carries it (whole position counts, truncated like the driver).
struct WrittenGoalAudit: CustomStringConvertible {
    /// Numeric slack on the limits, radians (0.01°).
    static let tolerance = 0.01 * .pi / 180
    static let limits = SafetyLimits.reachyMini

    /// Goals checked.
    private(set) var goals = 0
    /// Worst |roll|, |pitch| and |head yaw − body yaw| seen, radians (commanded or on the bus).
    private(set) var worstRoll = 0.0
    private(set) var worstPitch = 0.0
    private(set) var worstRelativeYaw = 0.0
    /// Goals beyond the limits (or without a head pose).
    private(set) var violations = 0
    /// The first few violations, described.
    private(set) var examples: [String] = []
    private var commanded = ForwardKinematics()
    private var onTheBus = ForwardKinematics()

    /// Checks one written goal.
    mutating func add(_ goal: JointVector) {
        goals += 1
        var fk = commanded
        check(goal.head, with: &fk, "commanded")
        commanded = fk
        fk = onTheBus
        check(Self.busCounts(goal.head), with: &fk, "on the bus")
        onTheBus = fk
    }

    /// Checks every goal of `goals`, in order.
    mutating func add(_ goals: [JointVector]) { for goal in goals { add(goal) } }

    /// The joints as the servos receive them: whole position counts (`DynamixelUnits`, what `ServoBusMotorIO`
    /// writes) turned back into radians.
    static func busCounts(_ j: HeadJoints) -> HeadJoints {
        func c(_ v: Double) -> Double { DynamixelUnits.radians(fromPosition: DynamixelUnits.position(fromRadians: v)) }
        return HeadJoints(body: c(j.body), s1: c(j.s1), s2: c(j.s2), s3: c(j.s3), s4: c(j.s4), s5: c(j.s5), s6: c(j.s6))
    }

    static func wrap(_ a: Double) -> Double { a - 2 * .pi * ((a + .pi) / (2 * .pi)).rounded(.down) }

    private mutating func check(_ joints: HeadJoints, with fk: inout ForwardKinematics, _ what: String) {
        guard let pose = try? fk.pose(for: joints) else {
            record("goal \(goals) (\(what)) has no head pose: \(joints)")
            return
        }
        let e = pose.euler
        let relative = Self.wrap(e.yaw - joints.body)
        worstRoll = max(worstRoll, abs(e.roll))
        worstPitch = max(worstPitch, abs(e.pitch))
        worstRelativeYaw = max(worstRelativeYaw, abs(relative))
        let limits = Self.limits
        if abs(e.roll) > limits.maxHeadRoll + Self.tolerance || abs(e.pitch) > limits.maxHeadPitch + Self.tolerance
            || abs(relative) > limits.maxRelativeYaw + Self.tolerance
        {
            record(
                "goal \(goals) (\(what)): roll \(Self.degrees(e.roll))°, pitch \(Self.degrees(e.pitch))°, "
                    + "head−body yaw \(Self.degrees(relative))°")
        }
    }

    private mutating func record(_ example: String) {
        violations += 1
        if examples.count < 5 { examples.append(example) }
    }

    static func degrees(_ r: Double) -> String { String(format: "%.3f", r * 180 / .pi) }

    var description: String {
        "\(goals) goals; worst |roll| \(Self.degrees(worstRoll))°, |pitch| \(Self.degrees(worstPitch))°, "
            + "|head−body yaw| \(Self.degrees(worstRelativeYaw))°; \(violations) beyond the limits"
            + (examples.isEmpty ? "" : ": " + examples.joined(separator: "; "))
    }
}
