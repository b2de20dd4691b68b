/// The robot's time, as a Swift `Clock`: the time of the ``TickSource`` driving its control loop — the machine's
/// monotonic clock on a robot, a virtual clock under a ``ManualTickSource``. Anything paced to the robot (waiting
/// for a move, audio, the lines of a program) sleeps on it, so it runs at the loop's speed, real or virtual.
///
/// ```swift
/// try await robot.clock.sleep(for: .milliseconds(10))
/// let start = robot.clock.now
/// let elapsed = start.duration(to: robot.clock.now)
/// ```
public struct RobotClock: Clock, Sendable {
    /// A moment of robot time.
    public struct Instant: InstantProtocol, Sendable {
        /// Time since the source's origin.
        public var offset: Duration

        /// The instant `offset` after the source's origin.
        public init(offset: Duration) { self.offset = offset }

        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    /// Where time comes from.
    public let source: any TickSource

    /// The clock of `source`.
    public init(source: any TickSource) { self.source = source }

    public var now: Instant { Instant(offset: .nanoseconds(Int64(clamping: source.now()))) }

    public var minimumResolution: Duration { .nanoseconds(1) }

    /// Whether this is a virtual clock.
    public var isVirtual: Bool { source.isVirtual }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        try await source.sleep(until: Self.nanoseconds(deadline.offset))
    }

    /// Blocks the calling thread until `deadline` (for threads feeding blocking sinks, such as audio).
    public func wait(until deadline: Instant) {
        source.wait(until: Self.nanoseconds(deadline.offset))
    }

    /// Seconds from `start` to now.
    public func seconds(since start: Instant) -> Double { Self.seconds(start.duration(to: now)) }

    static func nanoseconds(_ offset: Duration) -> UInt64 {
        let (seconds, attoseconds) = offset.components
        guard seconds >= 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return .max }
        return whole &+ UInt64(max(0, attoseconds / 1_000_000_000))
    }
}

extension RobotClock {
    /// A duration in seconds, as a `Double`.
    public static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
