import Foundation

/// The limits every commanded target is held to, and the clamping functions that enforce them.
///
/// Defaults (``reachyMini``): head roll and pitch ±40°, |head yaw − body yaw| ≤ 65°, body yaw ±160°, head z in
/// −50…+20 mm, every motor goal within its EEPROM position limits (``ReachyMotor/rawPositionLimits``), antennas
/// within ±π ∩ EEPROM, and a speed cap of 8 rad/s per joint (URDF velocity limit). Every function here returns a
/// value inside the limits or throws ``SafetyError``; NaN and infinities are rejected, never passed through.
public struct SafetyLimits: Sendable, Equatable {
    /// Largest |roll| of the head, radians.
    public var maxHeadRoll: Double
    /// Largest |pitch| of the head, radians.
    public var maxHeadPitch: Double
    /// Largest |head yaw − body yaw|, radians.
    public var maxRelativeYaw: Double
    /// Largest |body yaw|, radians.
    public var maxBodyYaw: Double
    /// Allowed head z (SDK frame), meters.
    public var headZ: ClosedRange<Double>
    /// Largest |antenna angle|, radians (further limited by the EEPROM range).
    public var maxAntenna: Double
    /// Largest joint speed, radians per second (``limitSpeed(from:to:dt:)``).
    public var maxJointSpeed: Double

    /// Creates limits; all angles in radians.
    public init(
        maxHeadRoll: Double = radians(40), maxHeadPitch: Double = radians(40), maxRelativeYaw: Double = radians(65),
        maxBodyYaw: Double = radians(160), headZ: ClosedRange<Double> = -0.05...0.02, maxAntenna: Double = .pi,
        maxJointSpeed: Double = 8
    ) {
        self.maxHeadRoll = maxHeadRoll
        self.maxHeadPitch = maxHeadPitch
        self.maxRelativeYaw = maxRelativeYaw
        self.maxBodyYaw = maxBodyYaw
        self.headZ = headZ
        self.maxAntenna = maxAntenna
        self.maxJointSpeed = maxJointSpeed
    }

    /// The documented Reachy Mini limits.
    public static let reachyMini = SafetyLimits()

    /// The allowed range of `motor` in radians: its EEPROM range, intersected with ±``maxBodyYaw`` for the body
    /// and ±``maxAntenna`` for the antennas.
    public func range(of motor: ReachyMotor) -> ClosedRange<Double> {
        let eeprom = motor.eepromLimits
        switch motor {
        case .bodyRotation: return intersect(eeprom, -maxBodyYaw...maxBodyYaw)
        case .rightAntenna, .leftAntenna: return intersect(eeprom, -maxAntenna...maxAntenna)
        default: return eeprom
        }
    }

    private func intersect(_ a: ClosedRange<Double>, _ b: ClosedRange<Double>) -> ClosedRange<Double> {
        let lo = max(a.lowerBound, b.lowerBound)
        let hi = min(a.upperBound, b.upperBound)
        return lo <= hi ? lo...hi : lo...lo
    }

    /// Clamps every joint of `joints` to ``range(of:)``.
    /// - Throws: ``SafetyError/notFinite(what:)`` if any joint is NaN or infinite.
    public func clamp(_ joints: JointVector) throws(SafetyError) -> Clamped<JointVector> {
        var out = joints
        var clamps: [ClampEntry] = []
        for motor in ReachyMotor.allCases {
            let v = joints[motor]
            guard v.isFinite else { throw .notFinite(what: "\(motor.name) target") }
            let r = range(of: motor)
            let c = min(r.upperBound, max(r.lowerBound, v))
            if c != v {
                clamps.append(ClampEntry(joint: motor.name, requested: v, applied: c))
                out[motor] = c
            }
        }
        return Clamped(value: out, clamps: clamps)
    }

    /// Clamps the antennas to their ranges.
    public func clamp(_ antennas: Antennas) throws(SafetyError) -> Clamped<Antennas> {
        var out = antennas
        var clamps: [ClampEntry] = []
        for (motor, v) in [(ReachyMotor.rightAntenna, antennas.right), (.leftAntenna, antennas.left)] {
            guard v.isFinite else { throw .notFinite(what: "\(motor.name) target") }
            let r = range(of: motor)
            let c = min(r.upperBound, max(r.lowerBound, v))
            if c != v {
                clamps.append(ClampEntry(joint: motor.name, requested: v, applied: c))
                if motor == .rightAntenna { out.right = c } else { out.left = c }
            }
        }
        return Clamped(value: out, clamps: clamps)
    }

    /// Moves each joint of `target` at most ``maxJointSpeed``·`dt` away from `current`, then clamps to the ranges.
    /// - Throws: for NaN/∞ in either vector, or a `dt` that is not a positive finite number.
    public func limitSpeed(from current: JointVector, to target: JointVector, dt: Double) throws(SafetyError)
        -> Clamped<JointVector>
    {
        guard dt.isFinite, dt > 0 else { throw .invalidTimeStep(dt) }
        guard current.motorOrder.allSatisfy(\.isFinite) else { throw .notFinite(what: "current joint vector") }
        guard target.motorOrder.allSatisfy(\.isFinite) else { throw .notFinite(what: "target joint vector") }
        let step = maxJointSpeed.isNaN ? 0 : max(0, maxJointSpeed * dt)  // +∞ speed = no cap
        var out = target
        var clamps: [ClampEntry] = []
        for motor in ReachyMotor.allCases {
            let from = current[motor]
            let to = target[motor]
            let delta = to - from
            let limited = abs(delta) <= step ? to : from + (delta > 0 ? step : -step)
            if limited != to {
                clamps.append(ClampEntry(joint: motor.name, requested: to, applied: limited))
                out[motor] = limited
            }
        }
        let ranged = try clamp(out)
        return Clamped(value: ranged.value, clamps: clamps + ranged.clamps)
    }

    /// Clamps a head pose to the roll/pitch/z limits and resolves the body yaw.
    ///
    /// With `automaticBodyYaw` the body follows the head like the official stack (``BodyYawCoupling``, with this
    /// value's ``maxRelativeYaw``/``maxBodyYaw``); otherwise the body yaw is clamped to ±``maxBodyYaw`` and the head
    /// yaw is brought within ``maxRelativeYaw`` of it. Returns the safe pose and body yaw.
    public func clampPose(_ head: HeadPose, bodyYaw: Double, automaticBodyYaw: Bool) throws(SafetyError)
        -> Clamped<(pose: HeadPose, bodyYaw: Double)>
    {
        guard head.isFinite else { throw .notFinite(what: "head pose") }
        guard bodyYaw.isFinite else { throw .notFinite(what: "body yaw") }
        guard let rotation = Self.nearestRotation(head.rotation) else { throw .notARotation }
        let head = rotation == head.rotation ? head : HeadPose(rotation: rotation, translation: head.translation)
        var clamps: [ClampEntry] = []
        let euler = head.euler
        var e = euler
        var t = head.translation
        func limit(_ name: String, _ v: Double, _ lo: Double, _ hi: Double) -> Double {
            let c = min(hi, max(lo, v))
            if c != v { clamps.append(ClampEntry(joint: name, requested: v, applied: c)) }
            return c
        }
        e.roll = limit("head.roll", e.roll, -maxHeadRoll, maxHeadRoll)
        e.pitch = limit("head.pitch", e.pitch, -maxHeadPitch, maxHeadPitch)
        t.z = limit("head.z", t.z, headZ.lowerBound, headZ.upperBound)

        var body: Double
        if automaticBodyYaw {
            let requested = limit("body_yaw", bodyYaw, -maxBodyYaw, maxBodyYaw)
            let probe = HeadPose(rotation: .rotation(e), translation: t)
            body = BodyYawCoupling(maxRelativeYaw: maxRelativeYaw, maxBodyYaw: maxBodyYaw)
                .bodyYaw(for: probe, requested: requested)
        } else {
            body = limit("body_yaw", bodyYaw, -maxBodyYaw, maxBodyYaw)
        }
        let relative = Self.wrap(e.yaw - body)
        let allowed = min(maxRelativeYaw, max(-maxRelativeYaw, relative))
        if allowed != relative {
            let yaw = Self.wrap(body + allowed)
            clamps.append(ClampEntry(joint: "head.yaw", requested: e.yaw, applied: yaw))
            e.yaw = yaw
        }
        body = min(maxBodyYaw, max(-maxBodyYaw, body))
        let pose = e == euler && t == head.translation ? head : HeadPose(rotation: .rotation(e), translation: t)
        return Clamped(value: (pose, body), clamps: clamps)
    }

    /// How far from orthonormal a rotation block may be and still be accepted (max |MMᵀ − I| element).
    ///
    /// Poses written by hand with three decimals — the official client's own sleep pose is one, off by ≈5e-4 —
    /// are rotations meant; a scaled or sheared block (off by more than this) is a mistake and is refused.
    static let rotationTolerance = 0.01

    /// `m` itself when it is a rotation to 1e-9; the nearest rotation when `m` is within ``rotationTolerance`` of
    /// one (Newton–Schulz polar iteration); nil for a reflection or anything further off.
    static func nearestRotation(_ m: Matrix3) -> Matrix3? {
        guard m.determinant > 0 else { return nil }
        let error = orthonormalityError(m)
        if error < 1e-9 { return m }
        guard error < rotationTolerance else { return nil }
        var r = m
        for _ in 0..<8 where orthonormalityError(r) > 1e-15 {
            // R ← R (3I − RᵀR) / 2 converges quadratically to the polar factor when R is near orthonormal.
            let gram = r.transposed * r
            r = r * (Matrix3.identity * 3 + gram * -1) * 0.5
        }
        return r
    }

    /// The largest element of |M Mᵀ − I|.
    static func orthonormalityError(_ m: Matrix3) -> Double {
        let p = m * m.transposed
        return max(
            abs(p.r0.y), abs(p.r0.z), abs(p.r1.z),
            abs(p.r0.x - 1), abs(p.r1.y - 1), abs(p.r2.z - 1))
    }

    /// Wraps an angle to [−π, π).
    static func wrap(_ a: Double) -> Double { a - 2 * .pi * ((a + .pi) / (2 * .pi)).rounded(.down) }
}
