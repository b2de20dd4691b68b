import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the simulator's time comes from: a virtual clock that tests advance explicitly (deterministic, faster
/// than real time), or the real monotonic clock (the pty server).
public protocol SimulatorClock: AnyObject, Sendable {
    /// Time elapsed since the clock started.
    func now() -> Duration
}

/// A clock that only moves when told to: `advance(by:)`. Thread-safe.
public final class VirtualClock: SimulatorClock, @unchecked Sendable {
    private let lock = NSLock()
    private var elapsed: Duration

    /// A clock reading `start`.
    public init(start: Duration = .zero) { elapsed = start }

    public func now() -> Duration {
        lock.lock()
        defer { lock.unlock() }
        return elapsed
    }

    /// Moves time forward (negative amounts are ignored: time never runs backwards).
    public func advance(by amount: Duration) {
        guard amount > .zero else { return }
        lock.lock()
        elapsed += amount
        lock.unlock()
    }
}

/// The operating system's monotonic clock, counted from when this object was made.
public final class MonotonicClock: SimulatorClock, Sendable {
    private let origin: Duration

    public init() { origin = MonotonicClock.read() }

    public func now() -> Duration { MonotonicClock.read() - origin }

    static func read() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return .seconds(Int64(spec.tv_sec)) + .nanoseconds(Int64(spec.tv_nsec))
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
