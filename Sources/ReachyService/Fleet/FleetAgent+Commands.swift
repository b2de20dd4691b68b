import Bop
import Foundation
import HTTPTypes
import ReachyFleet
import ReachyMotion
import Synchronization

/// The commands: checked in order (size, JSON shape, class token, the action's own fields), then done through the
/// service's own paths — the Bop run path of `POST /api/bop/run`, the wake-up and sleep moves of
/// `/api/move/play/*`, the stop of `/api/move/stop`. A refused command moves nothing and says why.
extension FleetAgent {
    /// Handles one command message.
    func handle(_ message: MQTTMessage) async {
        let command: FleetCommand
        do throws(FleetCommandRejection) {
            command = try FleetCommand.decode(message.payload, maxBytes: configuration.maxCommandBytes)
        } catch {
            return reject(error.id, error.message)
        }
        if let token = configuration.token, !token.matches(command.token) {
            return reject(
                command.id,
                command.token == nil
                    ? "The command carries no class token: send it with --class-token (or REACHY_CLASS_TOKEN)."
                    : "The class token is wrong: this robot belongs to another class, or the token changed.")
        }
        switch command.action {
        case .run:
            guard let program = command.program, !program.isEmpty else {
                return reject(command.id, "A run command needs a program.")
            }
            await run(program, seed: command.seed ?? 1, at: command.at, id: command.id)
        case .say:
            guard let text = command.text, !text.isEmpty else { return reject(command.id, "A say command needs text.") }
            guard !text.contains("\""), !text.contains(where: \.isNewline) else {
                return reject(command.id, "What to say must be one line without double quotes.")
            }
            await run("say \"\(text)\"", seed: 1, at: command.at, id: command.id)
        case .stop:
            stops.add(1, ordering: .sequentiallyConsistent)
            let stopped = await service.moves.stopAll()
            service.robot.cancel()
            publish(
                FleetEvent(
                    robot: configuration.name, id: command.id, kind: .done,
                    message: stopped.isEmpty ? "nothing was running" : "stopped", time: WallClock.now()))
        case .wake, .sleep:
            await wakeOrSleep(command)
        }
    }

    /// Compiles and starts a program, at `at` when given.
    func run(_ program: String, seed: UInt64, at: Double?, id: String) async {
        let name = configuration.name
        if let at {
            let now = WallClock.now()
            guard at.isFinite, at >= now - configuration.pastTolerance, at <= now + configuration.futureLimit else {
                return reject(
                    id,
                    at.isFinite && at < now
                        ? "The start instant is \(String(format: "%.1f", now - at)) s in the past here: check that "
                            + "this computer's clock is synchronised (timedatectl; docs/classroom.md)."
                        : "The start instant must be a time within the next hour (seconds since 1970).")
            }
        }
        let stopsBefore = stops.load(ordering: .sequentiallyConsistent)
        let result: BopResult
        do {
            try service.requireRunning()
            // The same queue, budgets (steps, segments, time) and size limit as the HTTP routes.
            result = try await BopRoutes.compile(program, seed: seed, emotions: service.emotions)
        } catch let error as ServiceError {
            return reject(id, error.detail)
        } catch {
            return reject(id, String(describing: error))
        }
        guard !result.hasErrors else {
            let problems = result.diagnostics.filter { $0.severity == .error }.prefix(3)
                .map { "line \($0.range.line): \($0.message)" }.joined(separator: "; ")
            return reject(id, "The program has problems; nothing moved: \(problems)")
        }
        guard stops.load(ordering: .sequentiallyConsistent) == stopsBefore else {
            return publish(
                FleetEvent(
                    robot: name, id: id, kind: .stopped, message: "stopped before it started", time: WallClock.now()))
        }
        let clock = service.robot.clock
        let title = program.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        do {
            let launch = try BopRunLauncher.start(
                result, on: service,
                waitForStart: {
                    if let at { try await StartInstant.wait(until: at, on: clock) }
                },
                started: { [weak self] in
                    let startedAt = WallClock.now()
                    Task { self?.started(id: id, at: at, startedAt: startedAt) }
                },
                onEnd: { [weak self] outcome in self?.ended(id: id, outcome) })
            running.withLock {
                $0 = RobotPresence.RunningProgram(
                    id: id, title: String(title.prefix(80)), startedAt: nil, duration: launch.performer.duration)
            }
            let notes = launch.warnings.isEmpty ? "" : " — " + launch.warnings.joined(separator: " ")
            publish(
                FleetEvent(
                    robot: name, id: id, kind: .accepted,
                    message: String(format: "%.1f s", launch.performer.duration) + notes, time: WallClock.now(),
                    startAt: at))
            publishStatus(force: false)
        } catch {
            reject(
                id,
                error.status == .conflict
                    ? "A program or move is running on this robot: send stop first (`reachy class stop`)."
                    : error.detail)
        }
    }

    /// The motion started at `startedAt` (wall clock).
    func started(id: String, at: Double?, startedAt: Double) {
        running.withLock { $0?.startedAt = startedAt }
        let late = at.map { (startedAt - $0) * 1000 }
        let message = late.map { String(format: "%+.1f ms from the start instant", $0) }
        publish(
            FleetEvent(
                robot: configuration.name, id: id, kind: .started, message: message, time: WallClock.now(), startAt: at,
                startedAt: startedAt))
        FileHandle.standardError.write(
            Data(
                "fleet: \(id) started at \(String(format: "%.6f", startedAt))\(message.map { " (\($0))" } ?? "")\n"
                    .utf8))
        publishStatus(force: false)
    }

    /// The run ended. A run that never started (another move was running) is reported by its refusal, and the
    /// program that is running stays in the status.
    func ended(id: String, _ outcome: MoveRegistry.Outcome) {
        guard outcome != .ignored else { return }
        running.withLock { $0 = nil }
        let (kind, message): (FleetEvent.Kind, String?) =
            switch outcome {
            case .completed: (.finished, nil)
            case .cancelled: (.stopped, "stopped")
            case .failed(let reason): (.failed, reason)
            case .ignored: (.rejected, nil)
            }
        publish(FleetEvent(robot: configuration.name, id: id, kind: kind, message: message, time: WallClock.now()))
        publishStatus(force: false)
    }

    /// Wakes up or goes to sleep like `POST /api/move/play/wake_up|goto_sleep`.
    func wakeOrSleep(_ command: FleetCommand) async {
        do {
            try service.requireRunning()
        } catch {
            return reject(command.id, error.detail)
        }
        guard !service.moves.isBusy else {
            return reject(command.id, "A move is running: send stop first.")
        }
        let name = configuration.name
        let id = command.id
        let onEnd: @Sendable (UUID, MoveRegistry.Outcome) -> Void = { [weak self] _, outcome in
            let kind: FleetEvent.Kind = outcome == .completed ? .done : outcome == .cancelled ? .stopped : .failed
            self?.publish(
                FleetEvent(robot: name, id: id, kind: kind, message: command.action.rawValue, time: WallClock.now()))
            self?.publishStatus(force: false)
        }
        if command.action == .wake { service.startWakeUp(onEnd: onEnd) } else { service.startGotoSleep(onEnd: onEnd) }
        publish(
            FleetEvent(robot: name, id: id, kind: .accepted, message: command.action.rawValue, time: WallClock.now()))
    }

    /// Publishes a refusal (nothing moved) and logs it.
    func reject(_ id: String?, _ message: String) {
        publish(FleetEvent(robot: configuration.name, id: id, kind: .rejected, message: message, time: WallClock.now()))
        FileHandle.standardError.write(Data("fleet: rejected \(id ?? "a command"): \(message)\n".utf8))
    }
}
