import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a body at a fixed rate on its own OS thread, waking at absolute deadlines
/// (`clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)`), so lateness never accumulates and a busy Swift
/// concurrency pool cannot stall it. Asks for `SCHED_FIFO` when allowed and carries on without it otherwise.
///
/// When a tick overruns by more than one period, the missed deadlines are skipped (counted in `missedTicks`)
/// rather than run back to back.
public final class PeriodicThread: @unchecked Sendable {
    /// What the body learns about the tick it is running.
    public typealias Tick = LoopTick

    public let name: String
    public let periodNanoseconds: UInt64
    private let body: @Sendable (Tick) -> Void
    private let state = Mutex<State>(State())
    private var thread: pthread_t?

    private struct State {
        var running = false
        var stopRequested = false
        var lateness = LatenessStatistics()
        var missedTicks: UInt64 = 0
        var realtime = false
    }

    /// A thread that will call `body` `rate` times per second once started.
    public init(name: String, rate: Double, body: @escaping @Sendable (Tick) -> Void) {
        self.name = name
        self.periodNanoseconds = Self.period(rate: rate)
        self.body = body
    }

    deinit { stop() }

    /// Starts ticking. Calling it again while running does nothing.
    public func start() {
        let shouldStart = state.withLock { state -> Bool in
            guard !state.running else { return false }
            state.running = true
            state.stopRequested = false
            return true
        }
        guard shouldStart else { return }
        let box = Unmanaged.passRetained(self)
        var handle = pthread_t()
        let result = pthread_create(
            &handle, nil,
            { raw in
                #if canImport(Darwin)
                    let this = Unmanaged<PeriodicThread>.fromOpaque(raw).takeRetainedValue()
                #else
                    let this = Unmanaged<PeriodicThread>.fromOpaque(raw!).takeRetainedValue()
                #endif
                this.run()
                return nil
            }, box.toOpaque())
        if result == 0 {
            thread = handle
        } else {
            box.release()
            state.withLock { $0.running = false }
        }
    }

    /// Asks the thread to finish its current tick and waits for it to exit.
    public func stop() {
        let handle = state.withLock { state -> pthread_t? in
            state.stopRequested = true
            return state.running ? thread : nil
        }
        if let handle, !pthread_equal(handle, pthread_self()).isTrue {
            pthread_join(handle, nil)
        }
        thread = nil
    }

    /// Whether the thread is ticking.
    public var isRunning: Bool { state.withLock { $0.running } }

    /// Wake-up lateness so far.
    public var lateness: LatenessStatistics { state.withLock { $0.lateness } }

    /// Deadlines skipped because a tick overran.
    public var missedTicks: UInt64 { state.withLock { $0.missedTicks } }

    /// Whether the thread got real-time (`SCHED_FIFO`) priority.
    public var isRealtime: Bool { state.withLock { $0.realtime } }

    private func run() {
        var parameters = sched_param()
        parameters.sched_priority = 50
        let realtime = pthread_setschedparam(pthread_self(), SCHED_FIFO, &parameters) == 0
        state.withLock { $0.realtime = realtime }

        var deadline = Self.now() + periodNanoseconds
        var index: UInt64 = 0
        while !state.withLock({ $0.stopRequested }) {
            Self.sleep(until: deadline)
            let woke = Self.now()
            let late = woke > deadline ? woke - deadline : 0
            state.withLock { $0.lateness.record(late) }
            body(Tick(index: index, deadlineNanoseconds: deadline, latenessNanoseconds: late))
            index += 1
            deadline += periodNanoseconds
            let after = Self.now()
            if after > deadline + periodNanoseconds {
                let skipped = (after - deadline) / periodNanoseconds
                deadline += skipped * periodNanoseconds
                state.withLock { $0.missedTicks += skipped }
            }
        }
        state.withLock { $0.running = false }
    }

    /// The period, in nanoseconds, of a thread ticking `rate` times per second.
    static func period(rate: Double) -> UInt64 { UInt64((1e9 / max(rate, 0.001)).rounded()) }

    /// Monotonic time in nanoseconds.
    public static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Blocks the calling thread until the monotonic clock reads `deadline`.
    static func sleep(until deadline: UInt64) {
        var time = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        #if os(Linux)
            while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &time, nil) == EINTR {}
        #else
            let now = Self.now()
            if deadline > now {
                var relative = timespec(
                    tv_sec: Int((deadline - now) / 1_000_000_000), tv_nsec: Int((deadline - now) % 1_000_000_000))
                nanosleep(&relative, nil)
            }
            _ = time
        #endif
    }
}

extension Int32 {
    fileprivate var isTrue: Bool { self != 0 }
}
