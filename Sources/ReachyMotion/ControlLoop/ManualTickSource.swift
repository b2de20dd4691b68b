import Dispatch
import Synchronization

/// A virtual clock for the control loop, in the spirit of swift-nio's `EmbeddedEventLoop`: time moves only when it
/// is moved, so an hour of robot time runs in seconds and the same inputs give the same run.
///
/// Two ways to move it:
/// - **Stepped**: a test calls ``advance(ticks:)``; each tick moves time by one period, runs the loop's tick on the
///   calling thread, then wakes whoever was waiting for that time. ``drive(_:)`` free-runs the clock for the length
///   of one async operation (connecting, a `goto`) and returns to stepping.
/// - **Free-running** (`freeRunning: true`, what `--virtual-time` uses): a thread ticks as fast as it can *while
///   someone waits for time* (a move finishing, audio pacing, a sleep); after waking waiters it lets them run
///   (until they wait again, or for a few milliseconds) before the next tick. When nobody waits, time stands still —
///   speech synthesis or file writing takes no robot time.
///
/// Give the same source to the in-process simulator (`ReachyBridge`'s `TickSourceSimulatorClock`) and both run on
/// one clock. After ``stop()``, waits no longer block on virtual time (they return after a real millisecond), so
/// nothing hangs on a clock that will never move again.
public final class ManualTickSource: TickSource, Sendable {
    public let periodNanoseconds: UInt64
    /// Whether `start` begins free-running.
    public let freeRunning: Bool
    /// How long, in real time, a free-running tick waits for the waiters it woke to wait again.
    public let settleTimeout: Duration
    private let settleNanoseconds: Int

    private let state = Mutex(State())
    /// Serialises ticks: `advance(ticks:)` from a test and the free-running thread never tick at the same time.
    private let tickLock = Mutex(())
    /// Signalled whenever a waiter registers (free-running waits on it).
    private let registered = DispatchSemaphore(value: 0)
    private let runner = FreeRunner()

    private struct State {
        var now: UInt64 = 0
        var index: UInt64 = 0
        var handler: TickHandler?
        var started = false
        var stopped = false
        var waiters: [Waiter] = []
        var nextWaiter: UInt64 = 0
        var cancelled: Set<UInt64> = []
        var ticks: UInt64 = 0
    }

    private struct Waiter {
        var id: UInt64
        var deadline: UInt64
        var wake: Wake
    }

    private enum Wake {
        case task(CheckedContinuation<Void, any Error>)
        case thread(DispatchSemaphore)

        func resume(throwing error: (any Error)? = nil) {
            switch self {
            case .task(let continuation):
                if let error { continuation.resume(throwing: error) } else { continuation.resume() }
            case .thread(let semaphore): semaphore.signal()
            }
        }
    }

    /// A source ticking `rate` times per second of virtual time, starting at time 0. With `freeRunning`, `start`
    /// runs it as fast as waiters allow; otherwise it moves only through ``advance(ticks:)`` and ``drive(_:)``.
    public init(rate: Double = 100, freeRunning: Bool = false, settleTimeout: Duration = .milliseconds(5)) {
        self.periodNanoseconds = PeriodicThread.period(rate: rate)
        self.freeRunning = freeRunning
        self.settleTimeout = settleTimeout
        let (seconds, attoseconds) = settleTimeout.components
        self.settleNanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    }

    deinit { runner.stop() }

    public func now() -> UInt64 { state.withLock { $0.now } }

    /// Ticks run so far.
    public var ticks: UInt64 { state.withLock { $0.ticks } }

    /// How many tasks and threads are waiting for time now.
    public var waiting: Int { state.withLock { $0.waiters.count } }

    public func start(_ handler: TickHandler) {
        let begin = state.withLock { state -> Bool in
            guard !state.started, !state.stopped else { return false }
            state.started = true
            state.handler = handler
            return true
        }
        if begin, freeRunning { startFreeRunning() }
    }

    public func stop() {
        runner.stop()
        let woken = state.withLock { state -> [Waiter] in
            state.stopped = true
            state.handler = nil
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in woken { waiter.wake.resume() }
    }

    /// Moves time forward by `count` ticks, running the loop's tick (when started) at each one and waking whoever
    /// waits for that time. Returns when the last tick has run. With `settle`, each tick lets the waiters it woke
    /// run until they wait again (as free-running does).
    public func advance(ticks count: Int = 1, settle: Bool = false) {
        guard count > 0 else { return }
        for _ in 0..<count { tickOnce(settle: settle) }
    }

    /// Moves time forward by at least `seconds` (whole ticks).
    public func advance(seconds: Double, settle: Bool = false) {
        advance(ticks: Int((seconds * 1e9 / Double(periodNanoseconds)).rounded(.up)), settle: settle)
    }

    /// Runs `operation` while the clock free-runs (as fast as waiters allow), then returns to stepping. For async
    /// work on a stepped clock: connecting a robot, a `goto`, a whole program.
    public func drive<T: Sendable>(_ operation: @Sendable () async throws -> T) async rethrows -> T {
        let ownsRunner = startFreeRunning()
        defer { if ownsRunner { runner.stop() } }
        return try await operation()
    }

    /// Starts the free-running thread unless it runs already; returns whether this call started it.
    @discardableResult
    public func startFreeRunning() -> Bool {
        runner.start { [weak self] shouldStop in
            while !shouldStop() {
                guard let self else { return }
                if self.state.withLock({ $0.stopped }) { return }
                if self.waiting == 0 {
                    // Nobody waits for time: it stands still until someone does.
                    _ = self.registered.wait(timeout: .now() + .milliseconds(20))
                    continue
                }
                self.tickOnce(settle: true)
            }
        }
    }

    public func sleep(until deadline: UInt64) async throws {
        try Task.checkCancellation()
        if state.withLock({ $0.stopped }) {
            if deadline > now() { try await Task.sleep(for: .milliseconds(1)) }
            return
        }
        let id = state.withLock { state -> UInt64 in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Int in
                    if state.cancelled.remove(id) != nil { return 2 }
                    if state.stopped || deadline <= state.now { return 1 }
                    state.waiters.append(Waiter(id: id, deadline: deadline, wake: .task(continuation)))
                    return 0
                }
                switch outcome {
                case 0: registered.signal()
                case 1: continuation.resume()
                default: continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                if let index = state.waiters.firstIndex(where: { $0.id == id }) {
                    return state.waiters.remove(at: index)
                }
                state.cancelled.insert(id)
                return nil
            }
            waiter?.wake.resume(throwing: CancellationError())
        }
        // A cancellation that came after the registration finished with the waiter: forget its mark.
        _ = state.withLock { $0.cancelled.remove(id) }
    }

    public func wait(until deadline: UInt64) {
        let semaphore = DispatchSemaphore(value: 0)
        let registeredNow = state.withLock { state -> Bool in
            if state.stopped || deadline <= state.now { return false }
            state.nextWaiter += 1
            state.waiters.append(Waiter(id: state.nextWaiter, deadline: deadline, wake: .thread(semaphore)))
            return true
        }
        guard registeredNow else {
            if state.withLock({ $0.stopped }), deadline > now() {
                PeriodicThread.sleep(until: PeriodicThread.now() + 1_000_000)
            }
            return
        }
        registered.signal()
        semaphore.wait()
    }

    /// Always empty: a virtual tick is never late.
    public var lateness: LatenessStatistics { LatenessStatistics() }
    public var missedTicks: UInt64 { 0 }
    public var isRealtime: Bool { false }
    public var isVirtual: Bool { true }

    private func tickOnce(settle: Bool) {
        tickLock.withLock { _ in
            let (handler, tick) = state.withLock { state -> (TickHandler?, LoopTick?) in
                guard !state.stopped else { return (nil, nil) }
                state.now += periodNanoseconds
                state.ticks += 1
                let tick = LoopTick(index: state.index, deadlineNanoseconds: state.now, latenessNanoseconds: 0)
                guard state.started else { return (nil, tick) }
                state.index += 1
                return (state.handler, tick)
            }
            guard let tick else { return }
            handler?.body(tick)
            if settle { while registered.wait(timeout: .now()) == .success {} }
            let due = state.withLock { state -> [Waiter] in
                let now = state.now
                let due = state.waiters.filter { $0.deadline <= now }
                if !due.isEmpty { state.waiters.removeAll { $0.deadline <= now } }
                return due
            }
            for waiter in due { waiter.wake.resume() }
            guard settle, !due.isEmpty else { return }
            // Let the woken run until each waits again (or the settle time passes: it may have finished).
            let limit = DispatchTime.now() + .nanoseconds(settleNanoseconds)
            for _ in due {
                if registered.wait(timeout: limit) == .timedOut { break }
            }
        }
    }
}

/// The free-running thread of a ``ManualTickSource``: started once, stopped and joined from any other thread.
private final class FreeRunner: Sendable {
    private let state = Mutex<(running: Bool, stop: Bool, done: DispatchSemaphore?)>((false, false, nil))

    /// Starts `body` on a new thread unless one runs; returns whether it started. `body` returns when its
    /// `shouldStop` answers true.
    func start(_ body: @escaping @Sendable (@Sendable () -> Bool) -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        let begin = state.withLock { state -> Bool in
            guard !state.running else { return false }
            state = (true, false, done)
            return true
        }
        guard begin else { return false }
        let thread = DispatchQueue(label: "reachy.virtual-time")
        thread.setSpecific(key: FreeRunner.key, value: true)
        thread.async { [self] in
            body { self.state.withLock { $0.stop } }
            done.signal()
        }
        return true
    }

    /// Asks the thread to stop and waits for it (does not wait when called from the thread itself).
    func stop() {
        let done = state.withLock { state -> DispatchSemaphore? in
            guard state.running else { return nil }
            state.stop = true
            return state.done
        }
        guard let done else { return }
        if DispatchQueue.getSpecific(key: FreeRunner.key) == nil { done.wait() }
        state.withLock { $0 = (false, false, nil) }
    }

    static let key = DispatchSpecificKey<Bool>()
}
