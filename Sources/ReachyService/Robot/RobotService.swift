import Foundation
public import ReachyAudio
public import ReachyMotion
import Synchronization

/// Owns the robot behind the service: the `ReachyMini`, the running moves, the telemetry fan-out, the daemon
/// state (running/stopped) and the speaker volume. Every route goes through it, and every target it sends goes
/// through `ReachyMini`'s own safety layer (`SafeKinematics`, joint limits and speed cap).
public final class RobotService: Sendable {
    /// The robot.
    public let robot: ReachyMini
    /// Whether it is the built-in simulator.
    public let simulated: Bool
    /// The robot's name (daemon status).
    public let robotName: String
    /// Makes the sink voice and sounds go to (the robot's speaker, or a WAV file on the simulator); nil: silent.
    let makeAudioSink: (@Sendable () throws -> any AudioSink)?
    /// The simulator's hand, which moves its joints while the motors are off as the official simulators do; nil on
    /// a robot (then nothing moves while they are off).
    let hand: SimulatedHand?
    /// Where the recorded-move datasets are read from (`--moves-dir` folders, the Hugging Face cache).
    public let moveLibrary: MoveLibrary

    let moves = MoveRegistry()
    /// The progress of recent Bop runs (`GET /api/bop/events/{uuid}`).
    let bopRuns = BopRunLog()
    let hub = TelemetryHub()
    private let state = Mutex(State())
    private let pumps = Mutex<[Task<Void, Never>]>([])

    struct State {
        var daemon = "running"
        var volume = 50
        var error: String?
        var targetHead: HeadPose?
        /// What was asked while the motors were off (it moved nothing), since they were last switched on.
        var motorsOff = MotorsOffLog()
    }

    /// A service for `robot` (already connected), reading recorded-move datasets from `moveLibrary`. Call `start()`
    /// before serving. `hand`: the simulator's, to move while the motors are off like the official simulators
    /// (``SimulatedHand``).
    public init(
        robot: ReachyMini, simulated: Bool, robotName: String = "reachy_mini",
        makeAudioSink: (@Sendable () throws -> any AudioSink)? = nil, hand: SimulatedHand? = nil,
        moveLibrary: MoveLibrary = .standard()
    ) {
        self.robot = robot
        self.simulated = simulated
        self.robotName = robotName
        self.makeAudioSink = makeAudioSink
        self.hand = hand
        self.moveLibrary = moveLibrary
    }

    /// Starts the telemetry fan-out (50 Hz state) and the 1 Hz daemon status on `/ws/sdk`.
    public func start() {
        let hub = self.hub
        let robot = self.robot
        let state = Task { await hub.pump(robot) }
        let status = Task { [weak self] in
            while !Task.isCancelled {
                if let self, self.hub.count > 0 { self.hub.broadcast(JSONResponse.text(self.status())) }
                try? await Task.sleep(for: .seconds(1))
            }
        }
        pumps.withLock { $0 = [state, status] }
    }

    /// Stops everything for a shutdown: moves cancelled, WebSocket clients' streams ended (their sockets close),
    /// then the robot brought to rest as `mode` says. Returns what the robot did.
    public func shutdown(mode: SafeStopMode) async -> SafeStopOutcome {
        state.withLock { $0.daemon = "stopping" }
        await moves.stopAll()
        hub.finishAll()
        for task in pumps.withLock({ $0 }) { task.cancel() }
        let outcome = await robot.safeStop(mode: mode)
        state.withLock { $0.daemon = "stopped" }
        return outcome
    }

    /// Ends the WebSocket streams and the pumps without waiting (the server can then stop); moves are cancelled.
    public func stopServing() {
        state.withLock { $0.daemon = "stopping" }
        hub.finishAll()
        for task in pumps.withLock({ $0 }) { task.cancel() }
        robot.cancel()
    }

    /// running, stopping or stopped.
    var daemonState: String { state.withLock { $0.daemon } }

    func setDaemonState(_ value: String) { state.withLock { $0.daemon = value } }

    /// The speaker volume, 0…100.
    var volume: Int {
        get { state.withLock { $0.volume } }
        set { state.withLock { $0.volume = newValue } }
    }

    /// The last head target asked for (goto or set_target), nil when none yet.
    var lastTargetHead: HeadPose? {
        get { state.withLock { $0.targetHead } }
        set { state.withLock { $0.targetHead = newValue } }
    }

    /// The daemon status (official shape).
    func status() -> DaemonStatusDTO {
        let s = state.withLock { $0 }
        let latest = robot.latest
        let fault = robot.fault.map { String(describing: $0) }
        let stats = robot.loopStatistics
        return DaemonStatusDTO(
            robot_name: robotName, state: fault == nil ? s.daemon : "error", simulation_enabled: simulated,
            backend_status: BackendStatusDTO(
                ready: s.daemon == "running" && latest?.joints != nil,
                motor_control_mode: robot.motorMode.rawValue, last_alive: latest?.time,
                control_loop_stats: [
                    "rate_hz": stats.rate, "missed_ticks": Double(stats.missedTicks),
                ], error: fault),
            error: fault ?? s.error,
            notice: robot.motorMode == .enabled ? nil : s.motorsOff.notice(simulatorMoves: hand != nil))
    }

    /// Records that `command` was accepted while the motors are off (nothing moves), and tells every `/ws/sdk`
    /// client at once (`{"type":"notice"}`, at most once a second; the official client skips it). Returns the notice.
    @discardableResult
    func noteMotorsOff(_ command: String) -> String {
        let now = ContinuousClock.now
        let simulatorMoves = hand != nil
        let (notice, tell) = state.withLock { state in
            // A 50 Hz set_target stream is told once a second, not fifty times.
            let tell = state.motorsOff.record(command, at: now)
            return (state.motorsOff.notice(simulatorMoves: simulatorMoves), tell)
        }
        if tell { hub.broadcast(JSONResponse.text(NoticeMessage(notice: notice))) }
        return notice
    }

    /// The motors-off notice as it stands (what to do, what moved nothing).
    var motorsOffNotice: String {
        let simulatorMoves = hand != nil
        return state.withLock { $0.motorsOff.notice(simulatorMoves: simulatorMoves) }
    }

    /// Forgets the commands ignored while the motors were off (they are on again).
    func clearMotorsOff() { state.withLock { $0.motorsOff = MotorsOffLog() } }

    /// Whether commands move nothing because the motors are off (disabled or not yet enabled).
    var motorsAreOff: Bool { robot.motorMode != .enabled }

    /// Throws 409 unless the daemon is running (after `POST /api/daemon/stop`, moves are refused).
    func requireRunning() throws(ServiceError) {
        let daemon = daemonState
        guard daemon == "running" else {
            throw .conflict(
                "The daemon is \(daemon): the robot does not take commands. POST /api/daemon/start to start it.")
        }
    }
}
