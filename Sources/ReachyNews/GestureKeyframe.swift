import Foundation
public import ReachyMotion

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
    public var easing: InterpolationMethod
    /// Axes left where they are (see ``GesturePose/hold``); nil or empty: every axis goes to the pose.
    public var hold: [String]?

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
        self.hold = pose.hold.isEmpty ? nil : pose.hold
    }

    /// True when every angle is within `GestureLimits`.
    public var isWithinLimits: Bool {
        [headRoll, headPitch, headYaw].allSatisfy { abs($0) <= GestureLimits.head }
            && [antennaRight, antennaLeft].allSatisfy { abs($0) <= GestureLimits.antenna }
            && GestureLimits.duration.contains(duration)
    }
}
