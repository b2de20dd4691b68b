public import ReachyMotion

/// A pose asked for, made safe exactly like `reachy ik` does (``SafeKinematics``), ready to draw.
public struct PosePicture: Sendable {
    /// What is drawn: the joints the robot would be commanded and the head pose they give.
    public var frame: RobotFrame
    /// What the safety layer changed (empty when the pose was drawn as asked).
    public var clamps: [ClampEntry]

    /// Makes `head` (SDK frame), the requested body yaw and the antennas safe.
    ///
    /// - Throws: the ``SafetyError`` `reachy ik` reports (unreachable pose, not finite, not a rotation); nothing
    ///   should be drawn then.
    public init(
        head: HeadPose, bodyYaw: Double = 0, antennas: Antennas = .zero, automaticBodyYaw: Bool = true,
        safe: SafeKinematics? = nil
    ) throws(SafetyError) {
        let solver = safe ?? SafeKinematics(automaticBodyYaw: automaticBodyYaw)
        let goals = try solver.motorGoals(head: head, antennas: antennas, bodyYaw: bodyYaw)
        let pose = try solver.limits.clampPose(
            head, bodyYaw: bodyYaw, automaticBodyYaw: solver.automaticBodyYaw
        ).value.pose
        let joints = goals.value.head
        // The pose the joints actually give: the clamped pose, unless a motor range changed a joint after it.
        let direct = solver.kinematics.stewartAngles(head: pose, bodyYaw: joints.body)
        var drawn = pose
        if zip(direct.values, joints.values).contains(where: { abs($0 - $1) > 1e-9 }) {
            var fk = ForwardKinematics(kinematics: solver.kinematics)
            fk.reset(to: pose, bodyYaw: joints.body)
            if let solved = try? fk.pose(for: joints) { drawn = solved }
        }
        frame = RobotFrame(head: drawn, joints: joints, antennas: goals.value.antennas)
        clamps = goals.clamps
    }
}
