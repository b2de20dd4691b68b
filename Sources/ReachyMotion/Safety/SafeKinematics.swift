/// The safe path from a task-space target (head pose, antennas, body yaw) to nine motor goals.
///
/// Order of checks: finite inputs → head pose clamped to ``SafetyLimits`` (roll, pitch, z, relative yaw) and body
/// yaw resolved (automatic or manual) → closed-form IK, unreachable poses rejected → every joint clamped to its
/// motor range. Everything that was changed is reported in the result's `clamps`. The goals returned are always
/// inside ``SafetyLimits/range(of:)``; otherwise a ``SafetyError`` is thrown and nothing should be commanded.
public struct SafeKinematics: Sendable {
    /// The kinematics.
    public var kinematics: ReachyKinematics
    /// The limits enforced.
    public var limits: SafetyLimits
    /// Whether the body yaw follows the head (official default: true).
    public var automaticBodyYaw: Bool

    /// Creates the safe path.
    public init(
        kinematics: ReachyKinematics = .reachyMini, limits: SafetyLimits = .reachyMini, automaticBodyYaw: Bool = true
    ) {
        self.kinematics = kinematics
        self.limits = limits
        self.automaticBodyYaw = automaticBodyYaw
    }

    /// Safe head joints `[body, s1…s6]` for a head pose and requested body yaw.
    public func headJoints(head: HeadPose, bodyYaw: Double = 0) throws(SafetyError) -> Clamped<HeadJoints> {
        let pose = try limits.clampPose(head, bodyYaw: bodyYaw, automaticBodyYaw: automaticBodyYaw)
        let joints = kinematics.stewartAngles(head: pose.value.pose, bodyYaw: pose.value.bodyYaw)
        if !joints.isFinite {
            let bad = (0..<6).first { !joints.stewart($0).isFinite } ?? 0
            throw .unreachable(pose: EulerPoseSummary(pose.value.pose), motor: ReachyMotor.stewart[bad])
        }
        let ranged = try limits.clamp(JointVector(head: joints, antennas: .zero))
        return Clamped(value: ranged.value.head, clamps: pose.clamps + ranged.clamps)
    }

    /// Safe motor goals (all nine joints, canonical order via ``JointVector/motorOrder``).
    public func motorGoals(head: HeadPose, antennas: Antennas, bodyYaw: Double = 0) throws(SafetyError)
        -> Clamped<JointVector>
    {
        let headJoints = try headJoints(head: head, bodyYaw: bodyYaw)
        let ant = try limits.clamp(antennas)
        return Clamped(
            value: JointVector(head: headJoints.value, antennas: ant.value), clamps: headJoints.clamps + ant.clamps)
    }
}
