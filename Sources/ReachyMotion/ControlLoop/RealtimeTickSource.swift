import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ticks from a ``PeriodicThread``: a real-time thread waking at absolute deadlines of the monotonic clock. The
/// source every robot runs on; sleeps and waits use the same monotonic clock.
public final class RealtimeTickSource: TickSource, Sendable {
    /// The thread's name.
    public let name: String
    /// Ticks per second asked for.
    public let requestedRate: Double
    public let periodNanoseconds: UInt64
    /// The thread, kept after `stop()` so its statistics stay readable.
    private let thread = Mutex<PeriodicThread?>(nil)

    /// A source ticking `rate` times per second on a thread called `name` once started.
    public init(name: String = "reachy-control", rate: Double) {
        self.name = name
        self.requestedRate = rate
        self.periodNanoseconds = PeriodicThread.period(rate: rate)
    }

    public func now() -> UInt64 { PeriodicThread.now() }

    public func start(_ handler: TickHandler) {
        let started = thread.withLock { current -> PeriodicThread? in
            if let current, current.isRunning { return nil }
            let made = PeriodicThread(name: name, rate: requestedRate) { tick in handler.body(tick) }
            current = made
            return made
        }
        started?.start()
    }

    public func stop() {
        thread.withLock { $0 }?.stop()
    }

    public func sleep(until deadline: UInt64) async throws {
        let now = PeriodicThread.now()
        if deadline > now { try await Task.sleep(for: .nanoseconds(Int64(clamping: deadline - now))) }
    }

    public func wait(until deadline: UInt64) {
        PeriodicThread.sleep(until: deadline)
    }

    public var lateness: LatenessStatistics { thread.withLock { $0 }?.lateness ?? LatenessStatistics() }
    public var missedTicks: UInt64 { thread.withLock { $0 }?.missedTicks ?? 0 }
    public var isRealtime: Bool { thread.withLock { $0 }?.isRealtime ?? false }
    public var isVirtual: Bool { false }
}
