/// What a tick handler learns about the tick it is running.
public struct LoopTick: Sendable {
    /// Tick number, from 0.
    public var index: UInt64
    /// The source's time of the deadline this tick was scheduled for, in nanoseconds.
    public var deadlineNanoseconds: UInt64
    /// How late the tick started, in nanoseconds (always 0 on a virtual clock).
    public var latenessNanoseconds: UInt64

    /// A tick.
    public init(index: UInt64, deadlineNanoseconds: UInt64, latenessNanoseconds: UInt64) {
        self.index = index
        self.deadlineNanoseconds = deadlineNanoseconds
        self.latenessNanoseconds = latenessNanoseconds
    }
}

/// The body a ``TickSource`` calls once per tick.
///
/// Why a final class and not a bare closure: a closure stored in a generic container (`Mutex<(…) -> Void>`,
/// `Mutex<((…) -> Void)?>`, a tuple) is re-abstracted every time it goes through an `inout` access such as
/// `withLock { $0 }`: it comes out wrapped in one thunk and goes back wrapped in another. Read that way on every tick,
/// the chain grew by two frames per tick until the control-loop thread's stack overflowed after ~6 minutes (issue 12).
/// A class reference is stored as itself, so reading it never wraps anything.
public final class TickHandler: Sendable {
    /// Called once per tick, on the source's thread.
    public let body: @Sendable (LoopTick) -> Void

    /// A handler calling `body`.
    public init(_ body: @escaping @Sendable (LoopTick) -> Void) { self.body = body }
}

/// Where the control loop's ticks and time come from (like swift-nio's event loops: `NIOPosix` for real, and
/// `NIOEmbedded` for tests).
///
/// - ``RealtimeTickSource``: a real-time thread waking at absolute deadlines of the monotonic clock (the robot).
/// - ``ManualTickSource``: a virtual clock that ticks only when told to (`advance(ticks:)`) or, free-running, as
///   fast as the machine allows whenever someone waits on it — an hour of robot time in seconds, deterministically.
///
/// Everything that waits for robot time (moves finishing, audio pacing, the settle time of `gotoSleep`) waits on the
/// source through ``RobotClock``, so it follows whichever clock drives the loop.
public protocol TickSource: AnyObject, Sendable {
    /// Nanoseconds between two ticks.
    var periodNanoseconds: UInt64 { get }
    /// The source's time now, in nanoseconds from an arbitrary origin; never goes backwards.
    func now() -> UInt64
    /// Starts calling `handler` once per tick on the source's own thread. Calling it again while running does nothing.
    func start(_ handler: TickHandler)
    /// Stops ticking and waits for the tick under way to end. Safe to call more than once.
    func stop()
    /// Suspends the calling task until `now() >= deadline`.
    /// - Throws: `CancellationError` when the task is cancelled.
    func sleep(until deadline: UInt64) async throws
    /// Blocks the calling thread until `now() >= deadline` (for threads that feed blocking sinks, such as audio).
    func wait(until deadline: UInt64)
    /// Tick lateness so far.
    var lateness: LatenessStatistics { get }
    /// Deadlines skipped because a tick overran.
    var missedTicks: UInt64 { get }
    /// Whether the ticking thread got real-time (`SCHED_FIFO`) priority.
    var isRealtime: Bool { get }
    /// Whether time is virtual (a ``ManualTickSource``) rather than the machine's monotonic clock.
    var isVirtual: Bool { get }
}

extension TickSource {
    /// Ticks per second.
    public var rate: Double { 1e9 / Double(max(1, periodNanoseconds)) }
}
