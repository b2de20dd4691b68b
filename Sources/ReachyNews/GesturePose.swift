import Foundation
public import ReachyMotion

/// One target pose of a gesture: head angles and antenna angles in degrees, reached over `duration` seconds.
/// Values are clamped to `GestureLimits` on creation and on decoding, so no pose can leave the safe range.
public struct GesturePose: Sendable, Codable, Equatable {
    /// Head roll (°, > 0 tilts to the robot's right).
    public var roll: Double
    /// Head pitch (°, > 0 = chin down).
    public var pitch: Double
    /// Head yaw (°, > 0 = toward the audience on the robot's left).
    public var yaw: Double
    /// Right antenna (°, 0 = upright).
    public var right: Double
    /// Left antenna (°).
    public var left: Double
    /// Seconds to reach the pose.
    public var duration: Double
    /// Easing towards the pose.
    public var easing: InterpolationMethod
    /// Axes this pose leaves where they are (`roll`, `pitch`, `yaw`, `right`, `left`), so a nod's return does not
    /// undo a sway that is still playing; empty for a pose that sets every axis.
    public var hold: [String] = []

    /// A pose, clamped to the safe ranges.
    public init(
        roll: Double = 0, pitch: Double = 0, yaw: Double = 0, right: Double = 0, left: Double = 0,
        duration: Double, easing: InterpolationMethod
    ) {
        self.roll = GestureLimits.clamp(roll, GestureLimits.head)
        self.pitch = GestureLimits.clamp(pitch, GestureLimits.head)
        self.yaw = GestureLimits.clamp(yaw, GestureLimits.head)
        self.right = GestureLimits.clamp(right, GestureLimits.antenna)
        self.left = GestureLimits.clamp(left, GestureLimits.antenna)
        let d = duration.isFinite ? duration : GestureLimits.duration.lowerBound
        self.duration = min(GestureLimits.duration.upperBound, max(GestureLimits.duration.lowerBound, d))
        self.easing = easing
    }

    enum CodingKeys: String, CodingKey { case roll, pitch, yaw, right, left, duration, easing, hold }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            roll: try c.decodeIfPresent(Double.self, forKey: .roll) ?? 0,
            pitch: try c.decodeIfPresent(Double.self, forKey: .pitch) ?? 0,
            yaw: try c.decodeIfPresent(Double.self, forKey: .yaw) ?? 0,
            right: try c.decodeIfPresent(Double.self, forKey: .right) ?? 0,
            left: try c.decodeIfPresent(Double.self, forKey: .left) ?? 0,
            duration: try c.decode(Double.self, forKey: .duration),
            easing: try c.decode(InterpolationMethod.self, forKey: .easing))
        hold = try c.decodeIfPresent([String].self, forKey: .hold) ?? []
    }
}
