public import Foundation

/// Closed-form inverse kinematics of the Reachy Mini head (Stewart platform + body yaw).
///
/// Agrees with the official analytical kinematics of reachy-mini 1.13.0 (to ~1e-15 rad). No joint limits are
/// applied here; see ``SafetyLimits`` and ``SafeKinematics`` for the safe path used to command motors.
public struct ReachyKinematics: Sendable, Equatable {
    /// The platform geometry.
    public var geometry: StewartGeometry

    /// Creates the kinematics for a geometry (default: the Reachy Mini).
    public init(geometry: StewartGeometry = .reachyMini) {
        self.geometry = geometry
    }

    /// The Reachy Mini kinematics.
    public static let reachyMini = ReachyKinematics()

    /// Joint angles `[body, s1…s6]` for `head` (SDK frame, meters/radians).
    ///
    /// - Parameters:
    ///   - head: the target head pose.
    ///   - bodyYaw: the requested body yaw (radians).
    ///   - automaticBodyYaw: when true (the official default) the body yaw is adjusted with
    ///     ``BodyYawCoupling/official``; when false it is used as given.
    /// - Throws: ``KinematicsError/unreachable(pose:motor:)`` when a rod cannot reach, `.notFinite` for NaN/∞.
    public func inverse(
        _ head: HeadPose, bodyYaw: Double = 0, automaticBodyYaw: Bool = true
    ) throws(KinematicsError) -> HeadJoints {
        guard head.isFinite else { throw .notFinite(what: "head pose") }
        guard bodyYaw.isFinite else { throw .notFinite(what: "body yaw") }
        let body = automaticBodyYaw ? BodyYawCoupling.official.bodyYaw(for: head, requested: bodyYaw) : bodyYaw
        let joints = stewartAngles(head: head, bodyYaw: body)
        if !joints.isFinite {
            let bad = (0..<6).first { !joints.stewart($0).isFinite } ?? 0
            throw .unreachable(pose: EulerPoseSummary(head), motor: ReachyMotor.stewart[bad])
        }
        return joints
    }

    /// The raw closed form: joints for `head` with the body at `bodyYaw`; unreachable legs come out NaN.
    ///
    /// This never throws and never allocates; it is the building block of ``inverse(_:bodyYaw:automaticBodyYaw:)``.
    @inlinable public func stewartAngles(head: HeadPose, bodyYaw: Double) -> HeadJoints {
        // Platform pose in the base frame (z offset), then in the frame that rotates with the body: Rz(−b)·T.
        var platform = head
        platform.translation.z += geometry.headZOffset
        if bodyYaw != 0 { platform = HeadPose(rotation: .rotationZ(-bodyYaw), translation: .zero) * platform }
        let b = geometry.branches
        guard b.count == 6 else {
            return HeadJoints(body: bodyYaw, s1: .nan, s2: .nan, s3: .nan, s4: .nan, s5: .nan, s6: .nan)
        }
        return HeadJoints(
            body: bodyYaw, s1: legAngle(b[0], platform), s2: legAngle(b[1], platform), s3: legAngle(b[2], platform),
            s4: legAngle(b[3], platform), s5: legAngle(b[4], platform), s6: legAngle(b[5], platform))
    }

    /// Motor angle of one leg for a platform pose expressed in the body frame (NaN when unreachable).
    ///
    /// With the anchor at `p` in the motor frame and the arm tip at `rs(cosθ, sinθ, 0)`, the rod constraint
    /// `|p − tip| = rp` is `K = 2·rs·(px·cosθ + py·sinθ)` with `K = |p|² + rs² − rp²`; the tangent
    /// half-angle substitution gives `θ = 2·atan2(2·rs·py ± √(4rs²(px²+py²) − K²), K + 2·rs·px)`.
    @inlinable func legAngle(_ branch: StewartBranch, _ platform: HeadPose) -> Double {
        let p = branch.motorFromWorld * (platform * branch.anchor)
        let rs = geometry.motorArmLength
        let rp = geometry.rodLength
        let k = p.x * p.x + p.y * p.y + p.z * p.z + rs * rs - rp * rp
        let d = 4 * rs * rs * (p.x * p.x + p.y * p.y) - k * k
        let y = 2 * p.y * rs + branch.solutionSign * d.squareRoot()
        let theta = 2 * atan2(y, k + 2 * rs * p.x)
        return theta - 2 * .pi * ((theta + .pi) / (2 * .pi)).rounded(.down)
    }
}
