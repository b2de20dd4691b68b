public import Foundation

/// Automatic body yaw, as the official stack does by default (`inverse_kinematics_safe`): the requested body yaw
/// is moved so the head stays within ``maxRelativeYaw`` of the body, then clamped to ±``maxBodyYaw``.
public struct BodyYawCoupling: Sendable, Equatable {
    /// Largest allowed difference between head yaw and body yaw (official: 65°).
    public var maxRelativeYaw: Double
    /// Largest body yaw magnitude (official: 160°).
    public var maxBodyYaw: Double

    /// Creates a coupling with the given limits (radians).
    public init(maxRelativeYaw: Double = radians(65), maxBodyYaw: Double = radians(160)) {
        self.maxRelativeYaw = maxRelativeYaw
        self.maxBodyYaw = maxBodyYaw
    }

    /// The official defaults (65°, 160°).
    public static let official = BodyYawCoupling()

    /// The body yaw to use for `head` (SDK frame) when `requested` was asked for.
    ///
    /// The heading is measured like the official code, from the first row of the rotation
    /// (`atan2(R[0,1], R[0,0])`, which is −yaw for a pure yaw).
    @inlinable public func bodyYaw(for head: HeadPose, requested: Double) -> Double {
        let psi = atan2(head.rotation.r0.y, head.rotation.r0.x)
        var t = -requested
        t = psi + min(maxRelativeYaw, max(-maxRelativeYaw, t - psi))
        t = min(maxBodyYaw, max(-maxBodyYaw, t))
        return -t
    }
}
