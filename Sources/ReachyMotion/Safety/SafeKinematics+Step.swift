/// The pose-level checks of written goals and the control loop's last stage (speed cap that keeps the pose limits).
extension SafetyLimits {
    /// How far (radians; meters for z) forward kinematics of a goal may exceed a pose limit: numeric slack only
    /// (0.01°, 0.17 mm).
    public static let poseTolerance = 0.01 * .pi / 180

    /// Largest |angle| accepted as an input (head roll/pitch/yaw, body yaw, antennas), radians: one turn. Anything
    /// beyond is refused, not clamped — it is a unit or encoding mistake, and storing it would poison the next move.
    public static let inputAngles: ClosedRange<Double> = -2 * .pi...2 * .pi
    /// Largest |translation| accepted as an input, meters.
    public static let inputTranslation: ClosedRange<Double> = -1...1

    /// How far the head pose of `joints` (forward kinematics) is outside the roll, pitch, relative-yaw and z
    /// limits: 0 inside, radians (meters for z) outside, +∞ when the joints have no head pose.
    public func poseExcess(of joints: HeadJoints, fk: inout ForwardKinematics) -> Double {
        guard let pose = try? fk.pose(for: joints) else { return .infinity }
        return poseExcess(pose, bodyYaw: joints.body)
    }

    /// How far `pose` with the body at `bodyYaw` is outside the roll, pitch, relative-yaw and z limits (0 inside).
    public func poseExcess(_ pose: HeadPose, bodyYaw: Double) -> Double {
        let e = pose.euler
        let relative = Self.wrap(e.yaw - bodyYaw)
        let z = pose.translation.z
        let excess = max(
            0, abs(e.roll) - maxHeadRoll, abs(e.pitch) - maxHeadPitch, abs(relative) - maxRelativeYaw,
            headZ.lowerBound - z, z - headZ.upperBound)
        return excess.isNaN ? .infinity : excess
    }

    /// Refuses non-finite and absurd inputs (before anything is clamped or stored): every number must be finite,
    /// angles within ``inputAngles`` and translations within ``inputTranslation``. Parts that are nil are not
    /// checked. The rotation block of `head` is checked by ``clampPose(_:bodyYaw:automaticBodyYaw:)``.
    /// - Throws: ``SafetyError/notFinite(what:)`` or ``SafetyError/outOfRange(what:value:allowed:unit:)``.
    public static func checkInput(head: HeadPose?, antennas: Antennas?, bodyYaw: Double?) throws(SafetyError) {
        if let head {
            guard head.isFinite else { throw .notFinite(what: "head pose") }
            let t = head.translation
            for (name, v) in [("x", t.x), ("y", t.y), ("z", t.z)] where !inputTranslation.contains(v) {
                throw .outOfRange(what: "head pose \(name)", value: v, allowed: inputTranslation, unit: "m")
            }
        }
        if let antennas {
            for (name, v) in [("right antenna", antennas.right), ("left antenna", antennas.left)] {
                guard v.isFinite else { throw .notFinite(what: name) }
                guard inputAngles.contains(v) else {
                    throw .outOfRange(what: name, value: v, allowed: inputAngles, unit: "rad")
                }
            }
        }
        if let bodyYaw {
            guard bodyYaw.isFinite else { throw .notFinite(what: "body yaw") }
            guard inputAngles.contains(bodyYaw) else {
                throw .outOfRange(what: "body yaw", value: bodyYaw, allowed: inputAngles, unit: "rad")
            }
        }
    }
}

extension SafeKinematics {
    /// The control loop's last stage: from the goal written last (`current`) toward `target`, at most
    /// ``SafetyLimits/maxJointSpeed``·`dt` per joint, inside the joint ranges, and with the head pose of the result
    /// inside the pose limits.
    ///
    /// The six Stewart joints move by one common fraction of their way, so a step stays on the straight joint-space
    /// line toward the target (a per-joint cap would bend the path and tilt the head past the limits). Forward
    /// kinematics checks the step; when the line leaves the limits (two safe joint vectors can have an unsafe pose
    /// between them), the step is shortened by bisection toward `current`, or — when that makes no progress — the
    /// step's pose is clamped back onto the limits and solved again (the head slides along the limit). When
    /// `current` is itself outside the limits (a pose found at startup), a step is taken only if it is no further
    /// outside. Body yaw and antennas do not change the head's roll, pitch or relative yaw; they are capped on their
    /// own. `fk` is the warm-started solver of the caller (keep one per loop).
    /// - Throws: for NaN/∞ in either vector, or a `dt` that is not a positive finite number.
    public func limitStep(from current: JointVector, to target: JointVector, dt: Double, fk: inout ForwardKinematics)
        throws(SafetyError) -> Clamped<JointVector>
    {
        guard dt.isFinite, dt > 0 else { throw .invalidTimeStep(dt) }
        guard current.motorOrder.allSatisfy(\.isFinite) else { throw .notFinite(what: "current joint vector") }
        guard target.motorOrder.allSatisfy(\.isFinite) else { throw .notFinite(what: "target joint vector") }
        let from = try limits.clamp(current).value
        let ranged = try limits.clamp(target)
        let to = ranged.value
        let step = limits.maxJointSpeed.isNaN ? 0 : max(0, limits.maxJointSpeed * dt)  // +∞ speed = no cap
        var base = to
        for motor in [ReachyMotor.bodyRotation, .rightAntenna, .leftAntenna] {
            let delta = to[motor] - from[motor]
            if abs(delta) > step { base[motor] = from[motor] + (delta > 0 ? step : -step) }
        }
        var largest = 0.0
        for motor in ReachyMotor.stewart { largest = max(largest, abs(to[motor] - from[motor])) }
        let cap = largest <= step ? 1 : step / largest
        func along(_ s: Double) -> JointVector {
            var v = base
            for motor in ReachyMotor.stewart {
                v[motor] = s >= 1 ? to[motor] : from[motor] + (to[motor] - from[motor]) * s
            }
            return v
        }
        var chosen = along(cap)
        if largest > 0 {
            let tolerance = SafetyLimits.poseTolerance
            let excess = limits.poseExcess(of: chosen.head, fk: &fk)
            if excess > tolerance {
                let here = along(0)
                let hereExcess = limits.poseExcess(of: here.head, fk: &fk)
                if hereExcess > tolerance {
                    if excess > hereExcess { chosen = here }
                } else {
                    var lo = 0.0
                    var hi = cap
                    for _ in 0..<16 {
                        let mid = (lo + hi) / 2
                        if limits.poseExcess(of: along(mid).head, fk: &fk) <= tolerance { lo = mid } else { hi = mid }
                    }
                    chosen = along(lo)
                    if let slid = slide(along(cap), from: from, step: step, fk: &fk),
                        distance(slid, to) < distance(chosen, to)
                    {
                        chosen = slid
                    }
                }
            }
        }
        var clamps: [ClampEntry] = []
        for motor in ReachyMotor.allCases where chosen[motor] != to[motor] {
            clamps.append(ClampEntry(joint: motor.name, requested: to[motor], applied: chosen[motor]))
        }
        return Clamped(value: chosen, clamps: clamps + ranged.clamps)
    }

    /// The joints whose head pose is `candidate`'s pose clamped onto the pose limits, when they are in range,
    /// within the speed cap of `from` and within the limits; nil otherwise.
    func slide(_ candidate: JointVector, from: JointVector, step: Double, fk: inout ForwardKinematics)
        -> JointVector?
    {
        guard let pose = try? fk.pose(for: candidate.head),
            let clamped = try? limits.clampPose(pose, bodyYaw: candidate.head.body, automaticBodyYaw: false)
        else { return nil }
        let joints = kinematics.stewartAngles(head: clamped.value.pose, bodyYaw: candidate.head.body)
        var out = candidate
        for (i, motor) in ReachyMotor.stewart.enumerated() {
            let v = joints.stewart(i)
            guard v.isFinite, limits.range(of: motor).contains(v), abs(v - from[motor]) <= step * (1 + 1e-9) else {
                return nil
            }
            out[motor] = v
        }
        guard limits.poseExcess(of: out.head, fk: &fk) <= SafetyLimits.poseTolerance else { return nil }
        return out
    }

    /// Largest joint difference over the Stewart joints.
    func distance(_ a: JointVector, _ b: JointVector) -> Double {
        var d = 0.0
        for motor in ReachyMotor.stewart { d = max(d, abs(a[motor] - b[motor])) }
        return d
    }
}
