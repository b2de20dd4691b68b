/// Why the safety layer refused a target (nothing is commanded when this is thrown).
public enum SafetyError: Error, Equatable, CustomStringConvertible {
    /// NaN or infinite input.
    case notFinite(what: String)
    /// A finite input far outside anything meaningful (a unit or encoding mistake), refused rather than clamped.
    case outOfRange(what: String, value: Double, allowed: ClosedRange<Double>, unit: String)
    /// The head pose (after clamping to the limits) cannot be reached by the platform.
    case unreachable(pose: EulerPoseSummary, motor: ReachyMotor)
    /// The rotation part of the head pose is not a rotation matrix (not orthonormal, or a reflection).
    case notARotation
    /// A time step that is not a positive finite number of seconds.
    case invalidTimeStep(Double)

    public var description: String {
        switch self {
        case .notFinite(let what):
            return "Refusing to move: the \(what) contains NaN or infinite numbers. Give finite values "
                + "(meters, radians)."
        case .outOfRange(let what, let value, let allowed, let unit):
            return "Refusing to move: the \(what) is \(value) \(unit), outside the accepted range "
                + "\(allowed.lowerBound)…\(allowed.upperBound) \(unit). Give meters and radians."
        case .unreachable(let pose, let motor):
            return "Refusing to move: head pose \(pose) is not reachable (the rod of \(motor.name) cannot reach). "
                + "Use a pose closer to neutral: |x|,|y| ≲ 30 mm, z in −40…+20 mm, roll/pitch within ±30°."
        case .notARotation:
            return "Refusing to move: the head pose's 3×3 rotation block is not a rotation (it must be orthonormal "
                + "with determinant +1). Build poses from x, y, z, roll, pitch, yaw instead."
        case .invalidTimeStep(let dt):
            return "Refusing to move: time step \(dt) s is not a positive finite duration."
        }
    }
}
