/// A clock that ``AudioPlayback`` can pace samples on: the robot's clock (`RobotClock` in ReachyMotion conforms —
/// real time on a robot, virtual time under a `ManualTickSource`), or a test's virtual clock.
///
/// The audio thread must not sleep on a Swift concurrency clock, so the clock offers a blocking wait.
public protocol PlaybackClock: Sendable {
    /// A moment of this clock's time.
    associatedtype Instant: InstantProtocol<Duration>

    /// The current moment.
    var now: Instant { get }

    /// Blocks the calling thread until `deadline` (returns at once when it has passed).
    func wait(until deadline: Instant)
}
