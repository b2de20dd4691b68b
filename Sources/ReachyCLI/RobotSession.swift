import ArgumentParser
import Dispatch
import Foundation
import ReachyBridge
import ReachyMiniDescription
import Synchronization

/// Options shared by the commands that move the robot (`wake`, `sleep`, `goto`, `dance`, `play`, `record`).
struct RobotRunOptions: ParsableArguments {
    @Option(help: "Control-loop rate in ticks per second (50 like the official stack, up to 200).")
    var rate: Double = 100

    @Option(
        name: .customLong("on-interrupt"),
        help: ArgumentHelp(
            "What Ctrl-C or SIGTERM leaves the robot in: sleep (sleep pose, then motors off), hold (motors on, "
                + "where it is) or release (motors off at once).", valueName: "sleep|hold|release"))
    var onInterrupt: String = SafeStopMode.sleep.rawValue

    @Flag(
        name: .customLong("virtual-time"),
        help: ArgumentHelp(
            "Run the built-in simulator on a virtual clock, as fast as this computer allows (a 10-minute program "
                + "takes seconds); what is written (--wav, --record) is the same as in real time."))
    var virtualTime = false

    func validate() throws {
        guard rate.isFinite, rate >= 10, rate <= 200 else {
            throw ValidationError("--rate must be between 10 and 200 ticks per second (100 by default).")
        }
        guard SafeStopMode(rawValue: onInterrupt) != nil else {
            throw ValidationError("--on-interrupt must be sleep, hold or release (got \"\(onInterrupt)\").")
        }
    }

    var stopMode: SafeStopMode { SafeStopMode(rawValue: onInterrupt) ?? .sleep }

    /// The connection to open for `robot`: with --virtual-time, a new simulator on a virtual clock (then `options`
    /// get its tick source); --virtual-time on anything but the built-in simulator is refused.
    func link(_ robot: ResolvedRobot, options: inout ReachyMiniOptions) throws -> ReachyConnection {
        guard virtualTime else { return robot.connection }
        guard robot.isSimulated else {
            throw CLIError(
                "--virtual-time runs only on the built-in simulator (a robot moves in real time): add --sim, or drop "
                    + "--virtual-time.")
        }
        let virtual = VirtualTimeSimulator(rate: rate, freeRunning: true)
        options = virtual.options(options)
        return virtual.connection
    }
}

/// Connects to the robot, runs an action, and turns Ctrl-C / SIGTERM into a safe stop: the action is cancelled,
/// the robot is brought to rest as `--on-interrupt` says, and the process exits with 130 (SIGINT) or 143 (SIGTERM).
/// A signal during startup (the supply wait) ends it at once, with the same exit statuses.
///
/// With `stopOnHardwareError` (every command but `serve`), a motor reporting a hardware error — already when the
/// robot is connected, or while the action runs — stops the action, brings the robot to rest the same way, and
/// fails with the motor, the error and what to do (exit status 1).
enum RobotSession {
    @discardableResult
    static func run<T: Sendable>(
        _ connection: ConnectionOptions, _ run: RobotRunOptions, enableMotors: Bool = true,
        stopOnHardwareError: Bool = true, _ action: @escaping @Sendable (ReachyMini) async throws -> T
    ) async throws -> T {
        try await self.run(
            connection.resolve(), run, enableMotors: enableMotors, stopOnHardwareError: stopOnHardwareError, action)
    }

    /// As ``run(_:_:enableMotors:stopOnHardwareError:_:)-(ConnectionOptions,_,_,_,_)``, on a robot already resolved.
    @discardableResult
    static func run<T: Sendable>(
        _ robot: ResolvedRobot, _ run: RobotRunOptions, enableMotors: Bool = true,
        stopOnHardwareError: Bool = true, _ action: @escaping @Sendable (ReachyMini) async throws -> T
    ) async throws -> T {
        let signals = SignalWatch()
        defer { signals.cancel() }
        var options = robot.options(ReachyMiniOptions(rate: run.rate))
        options.enableMotors = enableMotors
        let target = try run.link(robot, options: &options)
        let mini = try await connect(target, options: options, signals: signals)
        defer { mini.close() }
        for note in mini.startupReport.notes where robot.target.daemon != nil { printNotice("Notice: \(note)") }
        for change in mini.startupReport.rewritten { printNotice("Fixed EEPROM value: \(change)") }
        for (motor, status) in mini.startupReport.rebooted.sorted(by: { $0.key < $1.key }) {
            printNotice("Rebooted \(motor) (hardware error status \(status)).")
        }
        // Subscribed before the robot's present errors are read, so that no error falls between the two.
        let stream = mini.events()
        let hardware = FirstHardwareError()
        if stopOnHardwareError, let present = mini.hardwareErrors.first { hardware.record(present) }
        let task = Task {
            // A motor already in error: do not start moving it.
            if hardware.error != nil { throw CancellationError() }
            return try await action(mini)
        }
        let events = Task {
            for await event in stream {
                if stopOnHardwareError, case .hardwareError(let error) = event {
                    if hardware.record(error) { task.cancel() }
                    if hardware.error == error { continue }
                }
                printNotice("Note: \(event)")
            }
        }
        defer { events.cancel() }
        signals.onSignal { task.cancel() }
        let result = await task.result
        if let number = signals.received {
            printNotice(
                "Interrupted (\(number == SIGTERM ? "SIGTERM" : "SIGINT")): stopping safely (\(run.stopMode.rawValue))…"
            )
            let outcome = await mini.safeStop(mode: run.stopMode)
            printNotice(outcome.description)
            mini.close()
            throw ExitCode(128 + number)
        }
        if let error = hardware.error {
            var message = error.description
            if case .failure = result {
                printNotice("Stopping safely (\(run.stopMode.rawValue))…")
                printNotice(await mini.safeStop(mode: run.stopMode).description)
                message += " The command was stopped."
            }
            throw CLIError(message)
        }
        switch result {
        case .success(let value): return value
        case .failure(let error) where error is CancellationError: throw ExitCode(130)
        case .failure(let error): throw CLIError(String(describing: error))
        }
    }
}

/// The first motor hardware error a command saw (the one it stops for); later ones are printed as notes.
final class FirstHardwareError: Sendable {
    private let first = Mutex<MotorHardwareError?>(nil)

    /// The error recorded, if any.
    var error: MotorHardwareError? { first.withLock { $0 } }

    /// Records `error` unless one is already recorded; true when it was the first.
    @discardableResult
    func record(_ error: MotorHardwareError) -> Bool {
        first.withLock { first in
            guard first == nil else { return false }
            first = error
            return true
        }
    }
}

extension RobotSession {
    /// Connects (startup included), giving up as soon as SIGINT or SIGTERM arrives — the supply wait alone can last
    /// 30 s — and then exits with 130 or 143 (``interruptedStartup(_:_:)`` says what was left). A signal that comes
    /// once the robot is connected is left to the caller, which sees it in `signals.received`.
    static func connect(
        _ link: ReachyConnection, options: ReachyMiniOptions, signals: SignalWatch
    ) async throws -> ReachyMini {
        var options = options
        if options.startupNotice == nil { options.startupNotice = { printNotice("Notice: \($0)") } }
        let startup = options
        let connecting = Task { try await ReachyMini.connect(link, options: startup) { printNotice("Notice: \($0)") } }
        signals.onSignal { connecting.cancel() }
        let result = await connecting.result
        signals.onSignal {}
        switch result {
        case .success(let mini):
            return mini
        case .failure(let error):
            if let number = signals.received { throw interruptedStartup(number, error) }
            throw CLIError(String(describing: error))
        }
    }

    /// Says that a signal stopped the startup (and what was left as it was), and returns the exit status to end
    /// with: 128 + the signal number.
    static func interruptedStartup(_ number: Int32, _ error: any Error) -> ExitCode {
        let detail =
            if let startup = error as? StartupError, case .cancelled = startup {
                startup.description
            } else {
                "Stopped before the robot was connected: nothing moved."
            }
        printNotice("Interrupted (\(number == SIGTERM ? "SIGTERM" : "SIGINT")) during startup: \(detail)")
        return ExitCode(128 + number)
    }
}

/// SIGINT and SIGTERM caught through dispatch sources (as `reachy sim serve` does): remembers the first signal
/// and calls the handler.
final class SignalWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var number: Int32?
    private var handler: (@Sendable () -> Void)?
    private var sources: [any DispatchSourceSignal] = []

    init() {
        sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.fire(number) }
            source.resume()
            return source
        }
    }

    var received: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return number
    }

    func onSignal(_ body: @escaping @Sendable () -> Void) {
        lock.lock()
        handler = body
        let already = number != nil
        lock.unlock()
        if already { body() }
    }

    private func fire(_ signal: Int32) {
        lock.lock()
        if number == nil { number = signal }
        let body = handler
        lock.unlock()
        body?()
    }

    func cancel() {
        for source in sources { source.cancel() }
        sources = []
    }
}

/// Progress lines on standard error.
enum Progress {
    static func say(_ text: String) { printNotice(text) }
}
