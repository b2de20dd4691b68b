import Foundation

/// How a pose is approached.
public enum GestureEasing: String, Sendable, Codable, CaseIterable {
    /// Constant speed.
    case linear
    /// Minimum-jerk (smooth start and stop).
    case minjerk
    /// Cubic ease in and out.
    case easeInOut = "ease_in_out"
    /// Overshooting, lively.
    case cartoon
}

/// Safe ranges for every pose the news anchor plans (degrees); well inside the robot's own limits.
public enum GestureLimits {
    /// Head roll, pitch and yaw: ±15°.
    public static let head = 15.0
    /// Antennas: ±60°.
    public static let antenna = 60.0
    /// Durations are kept within 0.05…5 s.
    public static let duration: ClosedRange<Double> = 0.05...5.0

    static func clamp(_ v: Double, _ limit: Double) -> Double { v.isFinite ? max(-limit, min(limit, v)) : 0 }
}

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
    public var easing: GestureEasing

    /// A pose, clamped to the safe ranges.
    public init(
        roll: Double = 0, pitch: Double = 0, yaw: Double = 0, right: Double = 0, left: Double = 0,
        duration: Double, easing: GestureEasing
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

    enum CodingKeys: String, CodingKey { case roll, pitch, yaw, right, left, duration, easing }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            roll: try c.decodeIfPresent(Double.self, forKey: .roll) ?? 0,
            pitch: try c.decodeIfPresent(Double.self, forKey: .pitch) ?? 0,
            yaw: try c.decodeIfPresent(Double.self, forKey: .yaw) ?? 0,
            right: try c.decodeIfPresent(Double.self, forKey: .right) ?? 0,
            left: try c.decodeIfPresent(Double.self, forKey: .left) ?? 0,
            duration: try c.decode(Double.self, forKey: .duration),
            easing: try c.decode(GestureEasing.self, forKey: .easing))
    }
}

/// The gesture vocabulary (`Data/gestures.json`): named sequences of poses.
public struct GestureLibrary: Sendable, Codable, Equatable {
    /// Gestures by name.
    public var gestures: [String: [GesturePose]]

    /// A library.
    public init(gestures: [String: [GesturePose]]) { self.gestures = gestures }

    /// The bundled library.
    public static func bundled() throws(NewsDataError) -> GestureLibrary {
        try NewsData.decode(GestureLibrary.self, from: NewsData.url(for: "gestures.json"))
    }

    /// The poses of a gesture (empty if unknown).
    public func poses(_ name: String) -> [GesturePose] { gestures[name] ?? [] }
}

/// One keyframe of the plan, flat so the motion layer can map it 1:1: start moving at `time` towards the pose,
/// arriving `duration` seconds later.
public struct GestureKeyframe: Sendable, Codable, Equatable {
    /// Gesture name (e.g. "excited", "nod").
    public var gesture: String
    /// The speech mark the gesture is tied to (e.g. "i3.h").
    public var anchor: String
    /// Seconds relative to the anchor's time (negative = start early, motors lag).
    public var offset: Double
    /// Seconds from the start of the recital audio; `nil` until the plan is timed by synthesis.
    public var time: Double?
    /// Head roll (°).
    public var headRoll: Double
    /// Head pitch (°).
    public var headPitch: Double
    /// Head yaw (°).
    public var headYaw: Double
    /// Right antenna (°).
    public var antennaRight: Double
    /// Left antenna (°).
    public var antennaLeft: Double
    /// Seconds to reach the pose.
    public var duration: Double
    /// Easing.
    public var easing: GestureEasing

    /// A keyframe from a pose.
    public init(gesture: String, anchor: String, offset: Double, pose: GesturePose) {
        self.gesture = gesture
        self.anchor = anchor
        self.offset = offset
        self.time = nil
        self.headRoll = pose.roll
        self.headPitch = pose.pitch
        self.headYaw = pose.yaw
        self.antennaRight = pose.right
        self.antennaLeft = pose.left
        self.duration = pose.duration
        self.easing = pose.easing
    }

    /// True when every angle is within `GestureLimits`.
    public var isWithinLimits: Bool {
        [headRoll, headPitch, headYaw].allSatisfy { abs($0) <= GestureLimits.head }
            && [antennaRight, antennaLeft].allSatisfy { abs($0) <= GestureLimits.antenna }
            && GestureLimits.duration.contains(duration)
    }
}
