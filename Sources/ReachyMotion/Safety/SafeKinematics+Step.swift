import Dynamixel

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
    /// kinematics checks the step, as commanded and as the bus carries it (whole position counts); when the line
    /// leaves the limits (two safe joint vectors can have an unsafe pose between them), the step is shortened by
    /// bisection toward `current`, or — when that makes no progress — the step's pose is clamped back onto the
    /// limits and solved again (the head slides along the limit). When
    /// `current` is itself outside the limits (a pose found at startup), a step is taken only if it is no further
    /// outside. Body yaw and antennas do not change the head's roll, pitch or relative yaw; they are capped on their
    /// own. `fk` is the warm-started solver of the caller (keep one per loop). A step that does not move (the loop
    /// holding a goal) and one that moves only the body or the antennas need no forward kinematics.
    /// - Throws: for NaN/∞ in either vector, or a `dt` that is not a positive finite number.
    public func limitStep(from current: JointVector, to target: JointVector, dt: Double, fk: inout ForwardKinematics)
        throws(SafetyError) -> Clamped<JointVector>
    {
        guard dt.isFinite, dt > 0 else { throw .invalidTimeStep(dt) }
        guard Self.isFinite(current) else { throw .notFinite(what: "current joint vector") }
        guard Self.isFinite(target) else { throw .notFinite(what: "target joint vector") }
        let from = try limits.clamp(current).value
        let ranged = try limits.clamp(target)
        let to = ranged.value
        // Holding (the common tick): nothing moves, nothing to check.
        if from == to { return ranged }
        let step = limits.maxJointSpeed.isNaN ? 0 : max(0, limits.maxJointSpeed * dt)  // +∞ speed = no cap
        var base = to
        base.head.body = Self.capped(from.head.body, to.head.body, step)
        base.antennas.right = Self.capped(from.antennas.right, to.antennas.right, step)
        base.antennas.left = Self.capped(from.antennas.left, to.antennas.left, step)
        var largest = 0.0
        for i in 0..<6 { largest = max(largest, abs(to.head.stewart(i) - from.head.stewart(i))) }
        let cap = largest <= step ? 1 : step / largest
        var chosen = Self.along(cap, from: from, to: to, base: base)
        // Only the Stewart joints tilt the head relative to the body: a step that leaves them alone needs no check.
        // Every candidate is solved from the pose of the goal written last (`fk` as it comes in), so the poses
        // checked are the ones the head reaches continuously, never another assembly mode a probe wandered into.
        if largest > 0 {
            let anchor = fk
            let tolerance = SafetyLimits.poseTolerance
            var check = writtenExcess(of: chosen.head, from: anchor)
            if check.excess > tolerance {
                let here = Self.along(0, from: from, to: to, base: base)
                let hereCheck = writtenExcess(of: here.head, from: anchor)
                if hereCheck.excess > tolerance {
                    if check.excess > hereCheck.excess { (chosen, check) = (here, hereCheck) }
                } else {
                    var lo = 0.0
                    var hi = cap
                    var best = hereCheck
                    for _ in 0..<16 {
                        let mid = (lo + hi) / 2
                        let probe = writtenExcess(
                            of: Self.along(mid, from: from, to: to, base: base).head, from: anchor)
                        if probe.excess <= tolerance {
                            lo = mid
                            best = probe
                        } else {
                            hi = mid
                        }
                    }
                    (chosen, check) = (Self.along(lo, from: from, to: to, base: base), best)
                    if let slid = slide(
                        Self.along(cap, from: from, to: to, base: base), from: from, step: step, anchor: anchor),
                        distance(slid.joints, to) < distance(chosen, to)
                    {
                        (chosen, check) = (slid.joints, (0, slid.solved))
                    }
                }
            }
            fk = check.solved
        }
        if chosen == to { return ranged }
        var clamps: [ClampEntry] = []
        for motor in ReachyMotor.allCases where chosen[motor] != to[motor] {
            clamps.append(ClampEntry(joint: motor.name, requested: to[motor], applied: chosen[motor]))
        }
        return Clamped(value: chosen, clamps: clamps + ranged.clamps)
    }

    /// How far the head pose of `joints` is outside the pose limits (0 inside) — as commanded, and as the servos
    /// receive it: the bus carries whole position counts (0.088°, rounded to the nearest count,
    /// ``bus(_:)``), which can tilt the head by a few hundredths of a degree. The larger of the two.
    /// `solved` is `anchor` after solving the commanded joints (the warm start for the next tick).
    func writtenExcess(of joints: HeadJoints, from anchor: ForwardKinematics)
        -> (excess: Double, solved: ForwardKinematics)
    {
        var fk = anchor
        let exact = limits.poseExcess(of: joints, fk: &fk)
        guard exact <= SafetyLimits.poseTolerance else { return (exact, fk) }
        var bus = fk
        return (max(exact, limits.poseExcess(of: Self.bus(joints), fk: &bus)), fk)
    }

    /// `joints` as a position-count bus carries them (``DynamixelUnits/position(fromRadians:)`` and back).
    public static func bus(_ joints: HeadJoints) -> HeadJoints {
        func counts(_ v: Double) -> Double {
            DynamixelUnits.radians(fromPosition: DynamixelUnits.position(fromRadians: v))
        }
        return HeadJoints(
            body: counts(joints.body), s1: counts(joints.s1), s2: counts(joints.s2), s3: counts(joints.s3),
            s4: counts(joints.s4), s5: counts(joints.s5), s6: counts(joints.s6))
    }

    /// `to`, at most `step` away from `from`.
    static func capped(_ from: Double, _ to: Double, _ step: Double) -> Double {
        let delta = to - from
        return abs(delta) <= step ? to : from + (delta > 0 ? step : -step)
    }

    /// `base` with the Stewart joints the fraction `s` of the way from `from` to `to` (exactly `to` at 1).
    static func along(_ s: Double, from: JointVector, to: JointVector, base: JointVector) -> JointVector {
        if s >= 1 { return base }
        var v = base
        let a = from.head
        let b = to.head
        v.head.s1 = a.s1 + (b.s1 - a.s1) * s
        v.head.s2 = a.s2 + (b.s2 - a.s2) * s
        v.head.s3 = a.s3 + (b.s3 - a.s3) * s
        v.head.s4 = a.s4 + (b.s4 - a.s4) * s
        v.head.s5 = a.s5 + (b.s5 - a.s5) * s
        v.head.s6 = a.s6 + (b.s6 - a.s6) * s
        return v
    }

    /// Whether all nine joints are finite (no arrays: this runs every tick).
    static func isFinite(_ v: JointVector) -> Bool {
        v.head.isFinite && v.antennas.right.isFinite && v.antennas.left.isFinite
    }

    /// The joints whose head pose is `candidate`'s pose clamped onto the pose limits, when they are in range,
    /// within the speed cap of `from` and within the limits (solved from `anchor`); nil otherwise.
    func slide(_ candidate: JointVector, from: JointVector, step: Double, anchor: ForwardKinematics)
        -> (joints: JointVector, solved: ForwardKinematics)?
    {
        var fk = anchor
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
        let check = writtenExcess(of: out.head, from: anchor)
        guard check.excess <= SafetyLimits.poseTolerance else { return nil }
        return (out, check.solved)
    }

    /// Largest joint difference over the Stewart joints.
    func distance(_ a: JointVector, _ b: JointVector) -> Double {
        var d = 0.0
        for motor in ReachyMotor.stewart { d = max(d, abs(a[motor] - b[motor])) }
        return d
    }
}
