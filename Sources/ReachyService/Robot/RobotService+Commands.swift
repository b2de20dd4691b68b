import Foundation
import HTTPTypes
import ReachyMotion

/// What the routes and `/ws/sdk` ask the robot to do, with the daemon's rules: one move at a time, targets ignored
/// while a move runs, everything through `ReachyMini` (hence its safety layer).
extension RobotService {
    /// Starts a goto as a move. While another move runs it is ignored (it gets a UUID and ends at once), like the
    /// daemon's `play_move`.
    @discardableResult
    func startGoto(
        _ target: ValidatedTarget, duration: Double, method: InterpolationMethod,
        onEnd: @escaping @Sendable (UUID, MoveRegistry.Outcome) -> Void = { _, _ in }
    ) -> UUID {
        let robot = self.robot
        if motorsAreOff {
            // The daemon's contract (accepted, listed in /api/move/running for its duration, then finished) without
            // commanding anything; the reason goes to the status and /ws/sdk. The simulator's hand moves the joints
            // as the official simulators do (its safe goals: the same limits as a commanded move).
            noteMotorsOff("goto")
            if let hand,
                let goal = try? robot.safeGoals(head: target.head, antennas: target.antennas, bodyYaw: target.bodyYaw)
            {
                let start = robot.joints ?? goal
                return moves.start(
                    kind: "goto", { try await hand.move(from: start, to: goal, duration: duration, method: method) },
                    onEnd: onEnd
                ).uuid
            }
            return moves.start(kind: "goto", { try await Task.sleep(for: .seconds(duration)) }, onEnd: onEnd).uuid
        }
        if let head = target.head, !moves.isBusy { lastTargetHead = head }
        return moves.start(
            kind: "goto",
            {
                try await robot.goto(
                    head: target.head, antennas: target.antennas, bodyYaw: target.bodyYaw, duration: duration,
                    method: method)
            }, onEnd: onEnd
        ).uuid
    }

    /// Refuses a goto target the robot would refuse (422): a matrix that is not a rotation, an unreachable pose,
    /// absurd numbers. `startGoto` starts the move in the background, so this runs first, before the answer.
    func checkTarget(_ target: ValidatedTarget) throws(ServiceError) {
        do {
            try robot.checkTarget(head: target.head, antennas: target.antennas, bodyYaw: target.bodyYaw)
        } catch {
            throw Self.serviceError(error)
        }
    }

    /// Starts the wake-up behaviour as a move.
    @discardableResult
    func startWakeUp(onEnd: @escaping @Sendable (UUID, MoveRegistry.Outcome) -> Void = { _, _ in }) -> UUID {
        let robot = self.robot
        clearMotorsOff()
        return moves.start(kind: "wake_up", { try await robot.wakeUp() }, onEnd: onEnd).uuid
    }

    /// Starts the go-to-sleep behaviour as a move (torque off at the end).
    @discardableResult
    func startGotoSleep(onEnd: @escaping @Sendable (UUID, MoveRegistry.Outcome) -> Void = { _, _ in }) -> UUID {
        let robot = self.robot
        clearMotorsOff()
        return moves.start(kind: "goto_sleep", { try await robot.gotoSleep() }, onEnd: onEnd).uuid
    }

    /// What became of a streaming target.
    enum TargetOutcome: Equatable {
        /// Sent to the motors.
        case applied
        /// Ignored: a move runs (the daemon's rule).
        case moveRunning
        /// Checked but not sent: the motors are off; the notice says what to do.
        case motorsOff(String)
    }

    /// Sets a streaming target unless a move runs or the motors are off (then it is checked all the same).
    func setTarget(_ target: ValidatedTarget) throws(ServiceError) -> TargetOutcome {
        if moves.isBusy { return .moveRunning }
        if motorsAreOff {
            try checkTarget(target)
            if let hand,
                let goal = try? robot.safeGoals(head: target.head, antennas: target.antennas, bodyYaw: target.bodyYaw)
            {
                hand.place(goal)
            }
            return .motorsOff(noteMotorsOff("set_target"))
        }
        do {
            try robot.setTarget(head: target.head, antennas: target.antennas, bodyYaw: target.bodyYaw)
        } catch {
            throw Self.serviceError(error)
        }
        if let head = target.head { lastTargetHead = head }
        return .applied
    }

    /// Switches the motor mode (cancelling any move first, like the robot API does).
    func setMotorMode(_ mode: MotorMode) async throws(ServiceError) {
        if mode == .gravityCompensation {
            throw .conflict(Self.serviceError(ReachyMiniError.gravityCompensationUnsupported).detail)
        }
        await moves.stopAll()
        clearMotorsOff()
        do {
            try await robot.setMotorMode(mode)
        } catch {
            throw Self.serviceError(error)
        }
    }

    /// The HTTP error for a robot error.
    static func serviceError(_ error: any Error) -> ServiceError {
        if let error = error as? ServiceError { return error }
        guard let error = error as? ReachyMiniError else {
            return ServiceError(.internalServerError, String(describing: error))
        }
        switch error {
        case .motorsDisabled, .gravityCompensationUnsupported, .interrupted:
            return .conflict(error.description)
        case .unsafeTarget, .invalidTarget, .invalidMove:
            return .unprocessable(error.description)
        case .closed, .fault, .bus:
            return ServiceError(.serviceUnavailable, error.description)
        }
    }
}
