/// Why the kinematics could not produce a result.
public enum KinematicsError: Error, Equatable, CustomStringConvertible {
    /// The head pose cannot be reached by the Stewart platform (a rod cannot span the distance).
    case unreachable(pose: EulerPoseSummary, motor: ReachyMotor)
    /// A NaN or infinite number was given.
    case notFinite(what: String)
    /// Forward kinematics did not converge to a head pose for these joints.
    case didNotConverge(residual: Double)

    public var description: String {
        switch self {
        case .unreachable(let pose, let motor):
            return "Head pose \(pose) is not reachable: the rod of \(motor.name) cannot reach its anchor. "
                + "Bring the head closer to neutral (smaller translation, roll, pitch, or yaw relative to the body)."
        case .notFinite(let what):
            return "The \(what) contains NaN or infinite numbers; give finite values in meters and radians."
        case .didNotConverge(let residual):
            return "Forward kinematics did not converge (rod-length residual \(residual) m): these joint angles "
                + "do not correspond to an assemblable head pose. "
                + "Check the joint order [body, s1…s6] and units (rad)."
        }
    }
}

/// A short human-readable summary of a pose (mm and degrees) used in error messages.
public struct EulerPoseSummary: Sendable, Equatable, CustomStringConvertible {
    /// Position, millimeters.
    public var millimeters: Vector3
    /// Orientation, degrees (roll, pitch, yaw).
    public var degrees: EulerAngles

    /// Summarises a pose.
    public init(_ pose: HeadPose) {
        millimeters = pose.translation * 1000
        let e = pose.euler
        degrees = EulerAngles(
            roll: ReachyMotion.degrees(e.roll), pitch: ReachyMotion.degrees(e.pitch), yaw: ReachyMotion.degrees(e.yaw))
    }

    public var description: String {
        func f(_ v: Double) -> String {
            let r = (v * 10).rounded() / 10
            if r == 0 { return "0" }
            return r == r.rounded() ? String(Int(r)) : String(r)
        }
        return "(x \(f(millimeters.x)) mm, y \(f(millimeters.y)) mm, z \(f(millimeters.z)) mm, "
            + "roll \(f(degrees.roll))°, pitch \(f(degrees.pitch))°, yaw \(f(degrees.yaw))°)"
    }
}
