/// The safe path from a task-space target (head pose, antennas, body yaw) to nine motor goals.
///
/// Order of checks: finite inputs → head pose clamped to ``SafetyLimits`` (roll, pitch, z, relative yaw) and body
/// yaw resolved (automatic or manual) → closed-form IK, unreachable poses rejected → every joint clamped to its
/// motor range → when a motor clamp moved the head, forward kinematics of the clamped joints is checked against the
/// pose limits and, if they no longer hold, the pose is scaled back toward the neutral head (bisection) until they
/// do. So the pose limits hold for the head pose of the goals returned (to ``SafetyLimits/poseTolerance``), not
/// only for the pose asked for. Everything that was changed is reported in the result's `clamps`. The goals
/// returned are always inside ``SafetyLimits/range(of:)``; otherwise a ``SafetyError`` is thrown and nothing should
/// be commanded. ``limitStep(from:to:dt:fk:)`` is the matching last stage of the control loop (speed cap).
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
        let target = pose.value.pose
        let body = pose.value.bodyYaw
        let first = try rangedJoints(target, bodyYaw: body)
        if first.isUnchanged { return Clamped(value: first.value, clamps: pose.clamps) }
        // A motor range clamp moved the head: check where it really is (the assembly mode reached from the pose
        // aimed for, whose unclamped joints are `raw`).
        let raw = kinematics.stewartAngles(head: target, bodyYaw: body)
        func excess(_ joints: HeadJoints) -> Double {
            guard let pose = continuousPose(of: joints, from: raw, at: target) else { return .infinity }
            return limits.poseExcess(pose, bodyYaw: joints.body)
        }
        if excess(first.value) <= SafetyLimits.poseTolerance {
            return Clamped(value: first.value, clamps: pose.clamps + first.clamps)
        }
        // Scale the pose back toward the neutral head (same body yaw) until the clamped joints are within limits.
        let euler = target.euler
        let relative = SafetyLimits.wrap(euler.yaw - body)
        func scaled(_ s: Double) -> HeadPose {
            HeadPose(
                rotation: .rotation(
                    EulerAngles(roll: euler.roll * s, pitch: euler.pitch * s, yaw: body + relative * s)),
                translation: target.translation * s)
        }
        guard let neutral = try? rangedJoints(scaled(0), bodyYaw: body),
            excess(neutral.value) <= SafetyLimits.poseTolerance
        else {
            throw .unreachable(pose: EulerPoseSummary(target), motor: ReachyMotor.stewart[0])
        }
        var best = (s: 0.0, joints: neutral)
        var lo = 0.0
        var hi = 1.0
        for _ in 0..<16 {
            let mid = (lo + hi) / 2
            if let candidate = try? rangedJoints(scaled(mid), bodyYaw: body),
                excess(candidate.value) <= SafetyLimits.poseTolerance
            {
                lo = mid
                best = (mid, candidate)
            } else {
                hi = mid
            }
        }
        let scale = ClampEntry(joint: "head.pose", requested: 1, applied: best.s)
        return Clamped(value: best.joints.value, clamps: pose.clamps + first.clamps + [scale])
    }

    /// The head pose of `joints` in the assembly mode reached continuously from `start` (joints whose head pose is
    /// `startPose`): forward kinematics followed along the straight joint line in `steps` warm-started steps (one
    /// solve from a far start can land in another mode of the platform). Nil when it does not converge.
    public func continuousPose(of joints: HeadJoints, from start: HeadJoints, at startPose: HeadPose, steps: Int = 20)
        -> HeadPose?
    {
        var fk = ForwardKinematics(kinematics: kinematics)
        fk.reset(to: startPose, bodyYaw: start.body)
        var pose: HeadPose?
        let n = max(1, steps)
        let a = start.values
        let b = joints.values
        for k in 1...n {
            let s = Double(k) / Double(n)
            let v = (0..<7).map { a[$0] + (b[$0] - a[$0]) * s }
            let step = HeadJoints(body: v[0], s1: v[1], s2: v[2], s3: v[3], s4: v[4], s5: v[5], s6: v[6])
            guard let p = try? fk.pose(for: k == n ? joints : step) else { return nil }
            pose = p
        }
        return pose
    }

    /// IK of `pose` with the body at `bodyYaw`, every joint clamped to its range.
    func rangedJoints(_ pose: HeadPose, bodyYaw: Double) throws(SafetyError) -> Clamped<HeadJoints> {
        let joints = kinematics.stewartAngles(head: pose, bodyYaw: bodyYaw)
        if !joints.isFinite {
            let bad = (0..<6).first { !joints.stewart($0).isFinite } ?? 0
            throw .unreachable(pose: EulerPoseSummary(pose), motor: ReachyMotor.stewart[bad])
        }
        let ranged = try limits.clamp(JointVector(head: joints, antennas: .zero))
        return Clamped(value: ranged.value.head, clamps: ranged.clamps)
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
