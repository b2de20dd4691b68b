/// The built-in simulator and the control loop on one virtual clock: a ``ReachyMotion/ManualTickSource`` drives the
/// loop, and the simulated servos read their time from the same source, so the robot moves exactly as it would in
/// real time, only as fast as the machine allows (an hour of robot time in seconds).
///
/// ```swift
/// let virtual = VirtualTimeSimulator(rate: 100, freeRunning: true)
/// let mini = try await ReachyMini.connect(virtual.connection, options: virtual.options())
/// ```
public struct VirtualTimeSimulator: Sendable {
    /// The virtual clock and tick source.
    public let ticks: ManualTickSource
    /// The simulated robot, on `ticks`' clock.
    public let robot: VirtualReachyMini

    /// A simulator on a new virtual clock ticking `rate` times per second; `freeRunning` as in
    /// ``ReachyMotion/ManualTickSource/init(rate:freeRunning:settleTimeout:)``. `seed` and `faults` as in
    /// `VirtualReachyMini`.
    public init(rate: Double = 100, freeRunning: Bool, seed: UInt64 = 0, faults: SimulatorFaults = SimulatorFaults()) {
        let ticks = ManualTickSource(rate: rate, freeRunning: freeRunning)
        self.ticks = ticks
        self.robot = VirtualReachyMini(clock: TickSourceSimulatorClock(ticks), seed: seed, faults: faults)
    }

    /// The connection to pass to `ReachyMini.connect`.
    public var connection: ReachyConnection { .simulator(robot) }

    /// `options` with this simulator's tick source and rate.
    public func options(_ options: ReachyMiniOptions = ReachyMiniOptions()) -> ReachyMiniOptions {
        var options = options
        options.rate = ticks.rate
        options.tickSource = ticks
        return options
    }
}

/// A simulator clock that reads a control-loop tick source, so servos and loop share one time.
public final class TickSourceSimulatorClock: SimulatorClock, Sendable {
    private let source: any TickSource

    /// A clock reading `source`.
    public init(_ source: any TickSource) { self.source = source }

    public func now() -> Duration { .nanoseconds(Int64(clamping: source.now())) }
}
