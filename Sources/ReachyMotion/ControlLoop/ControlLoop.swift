import Synchronization

/// The motor control loop: at a fixed rate (default 100 Hz) from its ``TickSource`` — a real-time thread
/// (``RealtimeTickSource``) or a virtual clock tests step (``ManualTickSource``) — each tick reads present positions
/// once, evaluates the current trajectory, passes the goal through the safety clamp, and writes it once.
/// Hardware errors are polled once a second. When no motor has answered for `noReplyTimeout`, the loop stops
/// commanding, reports a fault, and keeps listening so it recovers when the robot comes back.
///
/// Setpoints come in through a lock (the latest wins); telemetry goes out through `AsyncStream`s.
public final class ControlLoop: @unchecked Sendable {
    /// Tuning of the loop.
    public struct Configuration: Sendable {
        /// Ticks per second (50 like the official stack, 100 by default, up to 200).
        public var rate: Double = 100
        /// Silence after which the loop declares the robot unreachable.
        public var noReplyTimeout: Double = 1.0
        /// How often hardware error status is polled, in seconds.
        public var hardwareErrorInterval: Double = 1.0
        public init(rate: Double = 100, noReplyTimeout: Double = 1.0, hardwareErrorInterval: Double = 1.0) {
            self.rate = rate
            self.noReplyTimeout = noReplyTimeout
            self.hardwareErrorInterval = hardwareErrorInterval
        }
    }

    /// What the loop publishes each tick.
    public struct Telemetry: Sendable {
        /// Seconds since the loop started.
        public var time: Double
        public var present: [Double?]
        /// The goal written this tick (nil when nothing was commanded).
        public var goal: [Double]?
        /// Whether a trajectory is still running.
        public var moving: Bool
        /// Hardware error status by motor index, as last polled.
        public var hardwareErrors: [Int: UInt8]
        /// Set when the loop has stopped commanding because of a fault.
        public var fault: ControlLoopFault?
        public var latenessNanoseconds: UInt64
    }

    private struct Command: Sendable {
        var trajectory: (any JointTrajectory)?
        var startTime: Double = 0
        var generation: UInt64 = 0
    }

    private struct Status: Sendable {
        var busTime = LatenessStatistics()
        var lastGoodRead: Double = 0
        var present: [Double?] = []
        var hardwareErrors: [Int: UInt8] = [:]
        var lastHardwarePoll: Double = -.infinity
        var fault: ControlLoopFault?
        var finishedGeneration: UInt64 = 0
    }

    public let configuration: Configuration
    /// Where ticks and time come from.
    public let ticks: any TickSource
    private let io: any MotorIO
    private let clamp: @Sendable ([Double]) -> [Double]?
    private let command = Mutex(Command())
    private let status = Mutex(Status())
    private let subscribers = Mutex<[UInt64: AsyncStream<Telemetry>.Continuation]>([:])
    private let nextSubscriber = Atomic<UInt64>(0)
    private let running = Mutex(false)
    private let startNanoseconds = Atomic<UInt64>(0)
    /// The stack address at the start of the tick under way, and the deepest stack seen below it.
    private let tickStackBase = Atomic<UInt>(0)
    private let deepestStack = Atomic<UInt>(0)
    private let tickCounter = Atomic<UInt64>(0)
    /// Boxed in a final class, never a bare closure in the `Mutex`: see ``TickHandler`` for the stack overflow a
    /// bare closure read through `withLock` on every tick caused.
    private let observer = Mutex<TelemetryObserver?>(nil)

    /// A loop over `io`, ticking from `ticks` (by default a real-time thread at `configuration.rate`). Every goal
    /// goes through `clamp` (the safety limits) before it is written; when `clamp` returns nil (no safe goal
    /// exists), nothing is written that tick.
    public init(
        io: any MotorIO, configuration: Configuration = .init(), ticks: (any TickSource)? = nil,
        clamp: @escaping @Sendable ([Double]) -> [Double]?
    ) {
        self.io = io
        self.configuration = configuration
        self.ticks = ticks ?? RealtimeTickSource(name: "reachy-control", rate: configuration.rate)
        self.clamp = clamp
    }

    deinit { stop() }

    /// Starts ticking.
    public func start() {
        let begin = running.withLock { running -> Bool in
            defer { running = true }
            return !running
        }
        guard begin else { return }
        startNanoseconds.store(ticks.now(), ordering: .sequentiallyConsistent)
        status.withLock { $0.lastGoodRead = 0 }
        ticks.start(TickHandler { [weak self] tick in self?.tick(tick) })
    }

    /// Stops ticking (the motors keep their last goal). Safe to call more than once.
    public func stop() {
        let wasRunning = running.withLock { running -> Bool in
            defer { running = false }
            return running
        }
        if wasRunning { ticks.stop() }
        observer.withLock { $0 = nil }
        // Finish outside the lock: finishing runs `onTermination`, which takes the same lock.
        let finished = subscribers.withLock { subscribers in
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        for continuation in finished { continuation.finish() }
    }

    /// Follow `trajectory` from now on, replacing whatever was running. Returns its generation number.
    @discardableResult
    public func follow(_ trajectory: any JointTrajectory) -> UInt64 {
        let now = elapsed()
        return command.withLock { command in
            command.generation += 1
            command.trajectory = trajectory
            command.startTime = now
            return command.generation
        }
    }

    /// Stop commanding new goals (the servos hold the last one).
    public func cancel() {
        command.withLock { command in
            command.generation += 1
            command.trajectory = nil
        }
    }

    /// The generation of the command now in force (bumped by `follow` and `cancel`).
    public var generation: UInt64 { command.withLock { $0.generation } }

    /// Whether the trajectory with this generation has finished (or was replaced).
    public func isFinished(_ generation: UInt64) -> Bool {
        let current = command.withLock { ($0.generation, $0.trajectory == nil) }
        if current.0 != generation { return true }
        return current.1 || status.withLock { $0.finishedGeneration >= generation }
    }

    /// The latest present positions (empty before the first read).
    public var presentPositions: [Double?] { status.withLock { $0.present } }

    /// The current fault, if the loop has stopped commanding.
    public var fault: ControlLoopFault? { status.withLock { $0.fault } }

    /// Wake-up lateness so far.
    public var lateness: LatenessStatistics { ticks.lateness }

    /// Time each tick spent on the bus (read + hardware poll + write), in nanoseconds.
    public var busTime: LatenessStatistics { status.withLock { $0.busTime } }

    /// Deadlines skipped because a tick overran.
    public var missedTicks: UInt64 { ticks.missedTicks }

    /// Whether the loop thread got real-time (`SCHED_FIFO`) priority.
    public var isRealtime: Bool { ticks.isRealtime }

    /// Ticks run so far.
    public var tickCount: UInt64 { tickCounter.load(ordering: .relaxed) }

    /// The most stack, in bytes, any tick has used down to a ``recordStackDepth()`` call (0 before one). Bounded
    /// and flat on a healthy loop; it grew by two frames per tick when a callback was re-wrapped every tick.
    public var deepestTickStackBytes: Int { Int(deepestStack.load(ordering: .relaxed)) }

    /// Notes how deep the stack is here, below the start of the tick under way (call it from an observer, which
    /// runs inside the tick). Cheap: two address reads and an atomic maximum.
    @inline(never)
    public func recordStackDepth() {
        let base = tickStackBase.load(ordering: .relaxed)
        let here = StackProbe.address()
        guard base > here else { return }
        deepestStack.max(base - here, ordering: .relaxed)
    }

    /// Seconds since the loop started (the time base of trajectories and telemetry).
    public var time: Double { elapsed() }

    /// Calls `body` on the loop thread after every tick with that tick's telemetry (keep it short: it runs inside
    /// the tick). Replaces any previous observer.
    public func observe(_ body: (@Sendable (Telemetry) -> Void)?) {
        let boxed = body.map(TelemetryObserver.init)
        observer.withLock { $0 = boxed }
    }

    /// A stream of telemetry, newest value only when the reader is slow. Finishes when the loop stops.
    public func telemetry() -> AsyncStream<Telemetry> {
        let (stream, continuation) = AsyncStream<Telemetry>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let key = nextSubscriber.wrappingAdd(1, ordering: .relaxed).newValue
        subscribers.withLock { $0[key] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: key) }
        }
        return stream
    }

    private func elapsed() -> Double {
        let start = startNanoseconds.load(ordering: .sequentiallyConsistent)
        return Double(ticks.now() &- start) / 1e9
    }

    private func tick(_ tick: LoopTick) {
        tickStackBase.store(StackProbe.address(), ordering: .relaxed)
        tickCounter.wrappingAdd(1, ordering: .relaxed)
        let now = elapsed()
        let busStart = PeriodicThread.now()
        var present: [Double?] = []
        var readError: MotorIOError?
        do {
            present = try io.readPositions()
        } catch {
            readError = error
        }
        let anyAnswer = present.contains { $0 != nil }
        let recovering =
            anyAnswer
            && status.withLock { status -> Bool in
                if case .noReplies = status.fault { return true }
                return false
            }
        if recovering {
            // The robot came back: whatever was running is stale (the motors may have been power-cycled), so stop
            // commanding and let the owner decide what to do next. This happens before the fault is cleared, so a
            // command given once the fault is gone is never dropped.
            command.withLock { command in
                command.generation += 1
                command.trajectory = nil
            }
        }
        var fault = status.withLock { status -> ControlLoopFault? in
            if anyAnswer {
                status.lastGoodRead = now
                status.present = present
                if case .noReplies = status.fault { status.fault = nil }
            } else if now - status.lastGoodRead > configuration.noReplyTimeout, status.fault == nil {
                status.fault = .noReplies(seconds: configuration.noReplyTimeout, detail: readError?.description)
            }
            return status.fault
        }

        if fault == nil, now - status.withLock({ $0.lastHardwarePoll }) >= configuration.hardwareErrorInterval {
            let errors = (try? io.readHardwareErrors()) ?? [:]
            status.withLock {
                $0.lastHardwarePoll = now
                $0.hardwareErrors = errors
            }
        }

        var goal: [Double]?
        var moving = false
        let current = command.withLock { $0 }
        if fault == nil, let trajectory = current.trajectory {
            let t = now - current.startTime
            moving = t < trajectory.duration
            if let target = clamp(trajectory.joints(at: min(t, trajectory.duration))) {
                do {
                    try io.writeGoals(target)
                    goal = target
                } catch {
                    fault = .writeFailed(error.description)
                }
            }
            if !moving {
                status.withLock { $0.finishedGeneration = max($0.finishedGeneration, current.generation) }
            }
        }
        let spent = PeriodicThread.now() &- busStart
        let snapshot = status.withLock { status -> Status in
            status.busTime.record(spent)
            return status
        }
        let telemetry = Telemetry(
            time: now, present: snapshot.present, goal: goal, moving: moving, hardwareErrors: snapshot.hardwareErrors,
            fault: fault, latenessNanoseconds: tick.latenessNanoseconds)
        subscribers.withLock { subscribers in
            for continuation in subscribers.values { continuation.yield(telemetry) }
        }
        observer.withLock { $0 }?.body(telemetry)
    }
}

/// Reads the stack pointer (the address of a local), for stack-depth statistics.
enum StackProbe {
    @inline(never)
    static func address() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }
}

/// A telemetry callback, boxed so that reading it on every tick never re-wraps it (see ``TickHandler``).
final class TelemetryObserver: Sendable {
    let body: @Sendable (ControlLoop.Telemetry) -> Void
    init(_ body: @escaping @Sendable (ControlLoop.Telemetry) -> Void) { self.body = body }
}

/// Why the control loop stopped commanding the motors.
public enum ControlLoopFault: Error, Equatable, Sendable, CustomStringConvertible {
    /// No motor answered for the given time.
    case noReplies(seconds: Double, detail: String?)
    /// Writing goals failed.
    case writeFailed(String)

    public var description: String {
        switch self {
        case .noReplies(let seconds, let detail):
            "No response from the robot's motors for \(seconds) s"
                + (detail.map { " (\($0))" } ?? "")
                + ". Motion stopped. Check the power supply and the link to the robot (USB cable, or the network to its "
                + "daemon); the loop resumes when the motors answer."
        case .writeFailed(let message):
            "Could not send goals to the motors: \(message)"
        }
    }
}
