#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Stops long work: a budget of the compiling thread's own CPU time and an optional cancellation check, looked at
/// every so often while a program is planned (see `Evaluator.poll(at:)`).
///
/// CPU time of the thread, not wall time: a program is "too slow" for what it asks of the compiler, never because
/// the machine is busy with something else (a loaded CI runner, other requests), so the same program gets the same
/// answer everywhere. Compilation is synchronous, so it stays on one thread from start to end.
struct Watchdog: Sendable {
    /// Why planning must stop now.
    enum Reason: Equatable {
        /// The time budget is used up.
        case timeUp
        /// Whoever asked for the work no longer wants it.
        case cancelled
    }

    /// The time allowed; `nil` for no limit.
    let budget: Duration?
    /// The thread's CPU time, nanoseconds, at which the budget runs out.
    let deadline: UInt64?
    /// Answers true once the work should be abandoned.
    let isCancelled: (@Sendable () -> Bool)?

    /// A watchdog whose budget starts now.
    init(budget: Duration? = nil, isCancelled: (@Sendable () -> Bool)? = nil) {
        self.budget = budget
        self.deadline = budget.map { budget in
            let (seconds, attoseconds) = budget.components
            let nanoseconds = max(0, seconds) * 1_000_000_000 + max(0, attoseconds / 1_000_000_000)
            return Self.threadCPUNanoseconds() &+ UInt64(nanoseconds)
        }
        self.isCancelled = isCancelled
    }

    /// The budget in seconds (0 when there is none), for messages.
    var budgetSeconds: Double {
        guard let budget else { return 0 }
        return Double(budget.components.seconds) + Double(budget.components.attoseconds) / 1e18
    }

    /// Why the work must stop, or `nil` to go on. A budget of zero is always used up.
    func check() -> Reason? {
        if let isCancelled, isCancelled() { return .cancelled }
        if let deadline, Self.threadCPUNanoseconds() >= deadline { return .timeUp }
        return nil
    }

    /// CPU time used so far by the calling thread.
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
