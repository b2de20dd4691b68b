public import ReachyAudio

/// Audio is paced on the robot's time: `now` and the blocking `wait(until:)` are the clock's own, so a recording on
/// the simulator follows the loop's clock, real or virtual.
extension RobotClock: PlaybackClock {}
