public import ReachyMotion

/// A window of a `GestureTrack` as a ReachyMotion `Move`: t = 0 is `start` seconds into the recital audio, and the
/// move lasts `duration` seconds. Played by `ReachyMini.play`, so every frame goes through the robot's safety path.
public struct GestureMove: Move {
    /// The whole recital's motion.
    public let track: GestureTrack
    /// Seconds into the audio where this move begins.
    public let start: Double
    /// Length of the window, seconds.
    public let duration: Double

    /// A window of `track` from `start` lasting `duration` seconds (negative durations count as 0).
    public init(track: GestureTrack, start: Double, duration: Double) {
        self.track = track
        self.start = start
        self.duration = max(0, duration.isFinite ? duration : 0)
    }

    public func evaluate(_ t: Double) -> MoveFrame {
        track.pose(at: start + min(max(0, t), duration)).frame
    }
}
