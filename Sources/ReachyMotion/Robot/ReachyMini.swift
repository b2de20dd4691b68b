public import Dynamixel
import Synchronization

/// A Reachy Mini driven over any `ByteTransport` (the robot's serial port, a simulator pty, or the in-process
/// simulator): startup like the official controller, a control loop on its own thread, and the SDK's motion API.
///
/// ```swift
/// let mini = try await ReachyMini.connect(transport: port)
/// try await mini.wakeUp()
/// try await mini.goto(head: .degrees(z: 0.01, roll: 15), duration: 1)
/// try await mini.play(DanceMove("simple_nod"))
/// try await mini.gotoSleep()
/// mini.close()
/// ```
///
/// Why a final class with internal locks rather than an actor: the state is shared with the control-loop thread,
/// which reads it synchronously every tick (10 ms at 100 Hz) and must never wait for the cooperative pool; an actor
/// would force every tick through an executor hop. Small `Mutex`-protected values are read and written from both
/// sides instead; the long waits (`goto`, `play`) are `async` and only poll, and blocking bus commands (startup,
/// torque) run on a dedicated dispatch queue.
public final class ReachyMini: @unchecked Sendable {
    /// What startup found and did.
    public let startupReport: RobotStartup.Report
    /// The options the robot was connected with.
    public let options: ReachyMiniOptions

    let loop: ControlLoop
    /// What the loop reads and commands: the reconnecting bus, or the `MotorIO` given to `connect(motors:)`.
    let motors: any MotorIO
    /// The servo bus behind `motors`, when the robot was connected over one (nil for another link).
    let busIO: ReconnectingMotorIO?
    let safe: SafeKinematics
    let busQueue = BusQueue()
    let state: Mutex<State>
    let goals = GoalTracker()
    private let telemetrySubscribers = Mutex<[UInt64: AsyncStream<RobotTelemetry>.Continuation]>([:])
    private let eventSubscribers = Mutex<[UInt64: AsyncStream<RobotEvent>.Continuation]>([:])
    private let nextSubscriber = Atomic<UInt64>(0)

    struct State {
        var motorMode: MotorMode
        var closed = false
        /// The last task-space target reached or set (the start of the next goto); nil when unknown.
        var targetFrame: MoveFrame?
        var fk = ForwardKinematics()
        var latest: RobotTelemetry?
        var lastFault: ControlLoopFault?
        /// The hardware error bits already reported as events, by motor index (cleared when the motor clears them).
        var reportedHardwareErrors: [Int: UInt8] = [:]
    }

    /// What the speed limiter remembers between ticks (a class so the loop's clamp closure can share it).
    final class GoalTracker: Sendable {
        let state = Mutex(GoalState())
    }

    /// The last written goal, whether the cap is holding joints back, and when that was last reported.
    struct GoalState {
        var last: [Double]? { didSet { lastIsLimited = false } }
        /// Whether ``last`` came out of the limit stage (not set from outside, e.g. the present positions).
        var lastIsLimited = false
        var lagging = false
        /// Forward kinematics of the written goals (warm-started), for the pose limits.
        var fk = ForwardKinematics()
        /// The last step taken by the limit stage (from, to, result), reused while the same step is asked again.
        var lastStep: (from: JointVector, to: JointVector, result: Clamped<JointVector>)?
        var lastSpeedEvent: UInt64 = 0
    }

    /// Connects to a Reachy Mini on `transport`: runs ``RobotStartup`` (every step can throw a ``StartupError``),
    /// then starts the control loop. With `reopen`, a lost link is reopened (at most once a second) when the
    /// adapter comes back.
    public static func connect(
        transport: any ByteTransport, options: ReachyMiniOptions = ReachyMiniOptions(),
        reopen: (@Sendable () throws -> any ByteTransport)? = nil
    ) async throws -> ReachyMini {
        let bus = ServoBus(transport: transport, configuration: options.bus ?? ServoBusConfiguration())
        return try await connect(bus: bus, options: options, reopen: reopen)
    }

    /// Connects over an already-made servo bus (its configuration is kept). Cancelling the calling task stops the
    /// startup within one supply poll (100 ms), before torque goes on: it throws ``StartupError/cancelled(step:)``.
    public static func connect(
        bus: ServoBus, options: ReachyMiniOptions = ReachyMiniOptions(),
        reopen: (@Sendable () throws -> any ByteTransport)? = nil
    ) async throws -> ReachyMini {
        try validate(options)
        var sequence = RobotStartup(
            configuration: options.configuration, minimumSupply: options.minimumSupply,
            supplyTimeout: options.supplyTimeout)
        sequence.notice = options.startupNotice
        let startup = sequence
        let ids = options.configuration.motors.map(\.id)
        let names = options.configuration.motors.map(\.name)
        let cancelled = CancellationFlag()
        // Blocking bus work on the bus queue, never on the cooperative pool; a cancelled task raises the flag the
        // startup polls.
        let (report, motorIO, hold) = try await withTaskCancellationHandler {
            try await BusQueue().run { () throws -> (RobotStartup.Report, ServoBusMotorIO, [Double]?) in
                let report = try startup.run(
                    on: bus, enableTorque: options.enableMotors, isCancelled: { cancelled.isRaised })
                let motorIO = ServoBusMotorIO(
                    bus: bus, ids: ids, names: names,
                    usesFastSyncRead: report.fastSyncRead && !options.disableFastSyncRead)
                var hold: [Double]?
                if report.torqueOn, let present = try? motorIO.readPositions(), present.allSatisfy({ $0 != nil }) {
                    hold = present.map { $0 ?? 0 }
                }
                return (report, motorIO, hold)
            }
        } onCancel: {
            cancelled.raise()
        }
        let events = EventSink()
        let reconnecting = ReconnectingMotorIO(io: motorIO, reopen: reopen) { bus in
            events.send(.reconnected(bus.transport.name))
        }
        let mini = ReachyMini(
            motors: reconnecting, busIO: reconnecting, events: events, report: report, options: options, hold: hold)
        await mini.waitForFirstReading()
        return mini
    }

    /// Connects over any `MotorIO` (a robot behind another controller, such as the official daemon): no bus startup
    /// runs — `link` (e.g. "the daemon at http://reachy-mini.local:8000") owns its motors — and the report's
    /// `notes` say what was skipped. With `options.enableMotors`, goals are pinned to the present positions and
    /// torque goes on (as the bus startup does); otherwise torque is left as `motors.torqueEnabled()` reports it.
    /// The `MotorIO` must not block: the loop calls `readPositions` and `writeGoals` every tick.
    public static func connect(
        motors: any MotorIO, options: ReachyMiniOptions = ReachyMiniOptions(), link: String
    ) async throws -> ReachyMini {
        try validate(options)
        guard motors.jointCount == options.configuration.motors.count else {
            throw StartupError.invalidConfiguration(
                "\(link) drives \(motors.jointCount) joints, the configuration has \(options.configuration.motors.count)"
            )
        }
        let (report, hold) = try await BusQueue().run { () throws -> (RobotStartup.Report, [Double]?) in
            var report = RobotStartup.Report()
            report.notes.append(
                "The servo-bus startup (presence, supply, reboots, firmware, EEPROM, PID gains) was not run: "
                    + "\(link) runs its own.")
            var hold: [Double]?
            if options.enableMotors {
                let wasOn = (try? motors.torqueEnabled()) ?? nil
                hold = try pinAndEnable(motors)
                report.torqueOn = true
                report.notes.append("Goals pinned to the present positions, then torque on.")
                if wasOn == false {
                    report.notes.append(
                        "The motors were off (asleep, or switched off by another client): woken "
                            + "up — torque on — before moving.")
                }
            } else {
                let on = try motors.torqueEnabled()
                report.torqueOn = on ?? false
                report.notes.append(
                    "Torque left as found (" + (on.map { $0 ? "on" : "off" } ?? "unknown: taken as off") + ").")
            }
            return (report, hold)
        }
        let mini = ReachyMini(
            motors: motors, busIO: nil, events: EventSink(), report: report, options: options, hold: hold)
        await mini.waitForFirstReading()
        return mini
    }

    static func validate(_ options: ReachyMiniOptions) throws(StartupError) {
        guard options.rate.isFinite, options.rate >= 1, options.rate <= 1000 else {
            throw StartupError.invalidConfiguration("control-loop rate \(options.rate) Hz is not in 1…1000")
        }
        if let source = options.tickSource, abs(source.rate - options.rate) > 1e-6 * options.rate {
            throw StartupError.invalidConfiguration(
                "the tick source runs at \(source.rate) Hz but the options ask for \(options.rate) Hz; give both the same rate"
            )
        }
    }

    /// Present positions read through `motors`, written back as goals, then torque on. Returns the positions.
    static func pinAndEnable(_ motors: any MotorIO) throws(MotorIOError) -> [Double] {
        let read = try motors.readPositions()
        guard read.count == motors.jointCount, read.allSatisfy({ $0 != nil }) else {
            throw MotorIOError.link("Not every joint position is known yet; cannot switch the motors on safely.")
        }
        let present = read.map { $0 ?? 0 }
        try motors.writeGoals(present)
        try motors.setTorque(true)
        return present
    }

    /// Moves start from the present pose: waits for the first complete reading (at most the no-reply timeout).
    func waitForFirstReading() async {
        let clock = self.clock
        let deadline = clock.now.advanced(by: .milliseconds(Int(max(0.1, options.noReplyTimeout) * 1000)))
        while latest?.joints == nil, clock.now < deadline {
            do {
                try await clock.sleep(for: .milliseconds(2))
            } catch {
                return
            }
        }
    }

    private init(
        motors: any MotorIO, busIO: ReconnectingMotorIO?, events: EventSink, report: RobotStartup.Report,
        options: ReachyMiniOptions, hold: [Double]?
    ) {
        self.startupReport = report
        self.options = options
        self.safe = SafeKinematics(limits: options.limits, automaticBodyYaw: options.automaticBodyYaw)
        self.state = Mutex(State(motorMode: report.torqueOn ? .enabled : .disabled))
        self.motors = motors
        self.busIO = busIO
        let goals = self.goals
        let safe = self.safe
        let dt = 1 / options.rate
        let ticks = options.tickSource ?? RealtimeTickSource(name: "reachy-control", rate: options.rate)
        self.loop = ControlLoop(
            io: motors,
            configuration: ControlLoop.Configuration(rate: options.rate, noReplyTimeout: options.noReplyTimeout),
            ticks: ticks,
            clamp: { target in
                ReachyMini.limit(target, goals: goals, safe: safe, dt: dt, now: ticks.now(), events: events)
            })
        events.target = self
        loop.observe { [weak self] telemetry in self?.observe(telemetry) }
        loop.start()
        if let hold {
            // Hold where the motors are (startup pinned goal = present).
            goals.state.withLock { $0.last = hold }
            loop.follow(HoldTrajectory(hold))
        }
    }

    deinit { loop.stop() }

    // MARK: - State

    /// The robot's time: the clock of the tick source driving the control loop (real, or virtual under a
    /// ``ManualTickSource``). Wait on it for anything paced to the robot.
    public var clock: RobotClock { RobotClock(source: loop.ticks) }

    /// The motor mode.
    public var motorMode: MotorMode { state.withLock { $0.motorMode } }

    /// The latest telemetry (nil before the first tick).
    public var latest: RobotTelemetry? { state.withLock { $0.latest } }

    /// Present positions of all nine joints.
    public var joints: JointVector? { latest?.joints }
    /// Present head joints `[body, s1…s6]`.
    public var headJoints: HeadJoints? { joints?.head }
    /// Present antennas.
    public var antennas: Antennas? { joints?.antennas }
    /// Present body yaw, radians.
    public var bodyYaw: Double? { joints?.head.body }
    /// Present head pose (forward kinematics, warm-started every tick).
    public var headPose: HeadPose? { latest?.headPose }
    /// The fault that stopped the loop commanding, if any.
    public var fault: ControlLoopFault? { loop.fault }
    /// The motors that report a hardware error, as last polled (once a second; the first poll is done when
    /// `connect` returns), in motor order. Each new one is also sent as ``RobotEvent/hardwareError(_:)``.
    public var hardwareErrors: [MotorHardwareError] {
        guard let errors = latest?.hardwareErrors else { return [] }
        return options.configuration.motors.compactMap { motor in
            guard let status = errors[motor.name], status != 0 else { return nil }
            return MotorHardwareError(motor: motor.name, id: motor.id, status: HardwareErrorStatus(rawValue: status))
        }
    }
    /// Whether a move is running.
    public var isMoving: Bool { latest?.moving ?? false }

    /// Control-loop timing so far.
    public var loopStatistics: LoopStatistics {
        LoopStatistics(
            rate: options.rate, lateness: loop.lateness, busTime: loop.busTime, missedTicks: loop.missedTicks,
            realtime: loop.isRealtime, fastSyncRead: busIO?.io.usesFastSyncRead ?? false,
            deepestTickStackBytes: loop.deepestTickStackBytes, ticks: loop.tickCount)
    }

    /// Telemetry at the loop rate. A slow reader gets the newest `buffering` values (1: only the latest, for
    /// displays; recorders ask for more so that no tick is lost, even on a virtual clock that ticks faster than they
    /// read). Finishes on `close()`.
    public func telemetry(buffering: Int = 1) -> AsyncStream<RobotTelemetry> {
        let (stream, continuation) = AsyncStream<RobotTelemetry>.makeStream(
            bufferingPolicy: .bufferingNewest(max(1, buffering)))
        let key = nextSubscriber.wrappingAdd(1, ordering: .relaxed).newValue
        telemetrySubscribers.withLock { $0[key] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.telemetrySubscribers.withLock { $0.removeValue(forKey: key) }
        }
        return stream
    }

    /// Safety clamps, refused targets, faults and reconnections (the latest 100 are kept for slow readers).
    public func events() -> AsyncStream<RobotEvent> {
        let (stream, continuation) = AsyncStream<RobotEvent>.makeStream(bufferingPolicy: .bufferingNewest(100))
        let key = nextSubscriber.wrappingAdd(1, ordering: .relaxed).newValue
        eventSubscribers.withLock { $0[key] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.eventSubscribers.withLock { $0.removeValue(forKey: key) }
        }
        return stream
    }

    func emit(_ event: RobotEvent) {
        // Yield outside the lock: a yield resumes the reader's task (taking its status lock), while cancelling that
        // task runs `onTermination` under its status lock and takes ours — holding both the other way round deadlocks.
        for continuation in eventSubscribers.withLock({ Array($0.values) }) { continuation.yield(event) }
    }

    /// Stops the loop and releases the transport. The motors keep their last goal and torque state (call
    /// `safeStop(mode:)` or `gotoSleep()` first to leave the robot resting). Safe to call more than once.
    public func close() {
        let wasOpen = state.withLock { state -> Bool in
            defer { state.closed = true }
            return !state.closed
        }
        guard wasOpen else { return }
        loop.stop()
        if let busIO { busIO.io.bus.transport.close() } else { motors.close() }
        // Finish outside the locks: finishing runs `onTermination`, which takes the same lock.
        let telemetry = telemetrySubscribers.withLock { subscribers in
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        for continuation in telemetry { continuation.finish() }
        let events = eventSubscribers.withLock { subscribers in
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        for continuation in events { continuation.finish() }
    }

    var isClosed: Bool { state.withLock { $0.closed } }

    // MARK: - Loop thread

    /// The last safety stage, on the loop thread: ``SafeKinematics/limitStep(from:to:dt:fk:)`` from the last
    /// written goal (speed cap, joint ranges, pose limits of the written goal). Returns nil (write nothing) when no
    /// safe goal exists. A goal held back only by the pose limits (no progress possible) does not count as lagging,
    /// so a move ends instead of waiting for it.
    static func limit(
        _ target: [Double], goals tracker: GoalTracker, safe: SafeKinematics, dt: Double, now: UInt64,
        events: EventSink
    ) -> [Double]? {
        let limits = safe.limits
        let (result, slowed) = tracker.state.withLock { goals -> ([Double]?, [String]) in
            // Holding: the goal written last (already through this stage) is asked for again.
            if goals.lastIsLimited, let last = goals.last, last == target {
                goals.lagging = false
                return (last, [])
            }
            guard let wanted = try? JointVector(motorOrder: target) else { return (goals.last, []) }
            let from = goals.last.flatMap { try? JointVector(motorOrder: $0) } ?? wanted
            // Held back at a limit: the same step as last tick gives the same answer (no forward kinematics).
            let limited: Clamped<JointVector>
            if let memo = goals.lastStep, memo.from == from, memo.to == wanted {
                limited = memo.result
            } else if let step = try? safe.limitStep(from: from, to: wanted, dt: dt, fk: &goals.fk) {
                limited = step
                goals.lastStep = (from, wanted, step)
            } else {
                return (goals.last.flatMap { try? limits.clamp(JointVector(motorOrder: $0)).value.motorOrder }, [])
            }
            let speed = limited.clamps
            goals.last = limited.value.motorOrder
            goals.lastIsLimited = true
            goals.lagging = !speed.isEmpty && limited.value != from
            if !speed.isEmpty, now &- goals.lastSpeedEvent >= 1_000_000_000 {
                goals.lastSpeedEvent = now
                return (goals.last, speed.map(\.joint))
            }
            return (goals.last, [])
        }
        if !slowed.isEmpty { events.send(.speedLimited(Array(Set(slowed)).sorted())) }
        return result
    }

    private func observe(_ tick: ControlLoop.Telemetry) {
        loop.recordStackDepth()
        let joints: JointVector? =
            tick.present.count == 9 && tick.present.allSatisfy({ $0 != nil })
            ? try? JointVector(motorOrder: tick.present.map { $0 ?? 0 }) : nil
        let names = options.configuration.motors.map(\.name)
        var errors: [String: UInt8] = [:]
        for (index, status) in tick.hardwareErrors where index < names.count && status != 0 {
            errors[names[index]] = status
        }
        let goal = tick.goal.flatMap { try? JointVector(motorOrder: $0) }
        let motors = options.configuration.motors
        let (telemetry, newFault, newErrors) = state.withLock {
            state -> (RobotTelemetry, ControlLoopFault??, [MotorHardwareError]) in
            var pose: HeadPose?
            if let joints {
                pose = try? state.fk.pose(for: joints.head)
                if pose == nil { state.fk.reset() }
            }
            let telemetry = RobotTelemetry(
                time: tick.time, joints: joints, headPose: pose, goal: goal, moving: tick.moving,
                motorMode: state.motorMode, hardwareErrors: errors, fault: tick.fault,
                latenessNanoseconds: tick.latenessNanoseconds)
            state.latest = telemetry
            var change: ControlLoopFault??
            if tick.fault != state.lastFault {
                change = .some(tick.fault)
                state.lastFault = tick.fault
                state.targetFrame = nil
            }
            // A hardware error is reported once per new bit; a motor that clears its error (a reboot) is forgotten.
            var newErrors: [MotorHardwareError] = []
            for index in motors.indices {
                let status = tick.hardwareErrors[index] ?? 0
                let reported = state.reportedHardwareErrors[index] ?? 0
                if status & ~reported != 0 {
                    newErrors.append(
                        MotorHardwareError(
                            motor: motors[index].name, id: motors[index].id,
                            status: HardwareErrorStatus(rawValue: status)))
                }
                state.reportedHardwareErrors[index] = status == 0 ? nil : status | reported
            }
            return (telemetry, change, newErrors)
        }
        for error in newErrors { emit(.hardwareError(error)) }
        if let newFault {
            if let fault = newFault {
                emit(.fault(fault))
            } else {
                emit(.recovered)
                refreshMotorMode()
            }
        }
        // Outside the lock, like `emit`: yielding under it deadlocked the loop thread against a reader being cancelled.
        for continuation in telemetrySubscribers.withLock({ Array($0.values) }) { continuation.yield(telemetry) }
    }
}

extension ReachyMini {
    /// After the robot comes back (it may have been power-cycled: torque off), reads Torque Enable of every motor
    /// and records the mode the motors are really in.
    func refreshMotorMode() {
        guard let bus = busIO?.io.bus else {
            let motors = self.motors
            Task { [weak self] in
                guard let self else { return }
                let on = try? await self.busQueue.run { () throws -> Bool? in try motors.torqueEnabled() }
                if let on { self.state.withLock { $0.motorMode = on ? .enabled : .disabled } }
            }
            return
        }
        let ids = options.configuration.motors.map(\.id)
        Task { [weak self] in
            guard let self else { return }
            let on = try? await self.busQueue.run { () throws -> Bool in
                let results = try bus.syncRead(address: Register.torqueEnable.address, length: 1, ids: ids)
                return ids.allSatisfy { id in
                    if case .success(let bytes)? = results[id] { return bytes.first == 1 }
                    return false
                }
            }
            if on == false { self.state.withLock { $0.motorMode = .disabled } }
        }
    }
}

/// Forwards events from the loop thread to the robot once it exists (weakly, so the loop does not keep it alive).
final class EventSink: @unchecked Sendable {
    private let box = Mutex<WeakRobot>(WeakRobot())
    struct WeakRobot { weak var robot: ReachyMini? }
    var target: ReachyMini? {
        get { box.withLock { $0.robot } }
        set { box.withLock { $0.robot = newValue } }
    }
    func send(_ event: RobotEvent) { target?.emit(event) }
}
