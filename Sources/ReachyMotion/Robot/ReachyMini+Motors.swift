import Dynamixel
import Synchronization

/// Torque, motor modes and the safe stop.
extension ReachyMini {
    /// Torque on for every motor, without a snap: the move is cancelled, every goal is set to the present
    /// position, then torque goes on and the loop holds there.
    public func enableMotors() async throws {
        if isClosed { throw ReachyMiniError.closed }
        loop.cancel()
        let bus = busIO?.io.bus
        let motors = self.motors
        let ids = options.configuration.motors.map(\.id)
        let present: [Double]
        do {
            present = try await busQueue.run { () throws -> [Double] in
                guard let bus else { return try ReachyMini.pinAndEnable(motors) }
                let raw = try RobotStartup.pinAndEnable(bus: bus, ids: ids)
                return raw.map { DynamixelUnits.radians(fromPosition: $0) }
            }
        } catch {
            throw ReachyMiniError.bus("Could not switch the motors on: \(error)")
        }
        goals.state.withLock {
            $0.last = present
            $0.lagging = false
        }
        state.withLock {
            $0.motorMode = .enabled
            $0.targetFrame = nil
        }
        loop.follow(HoldTrajectory(present))
    }

    /// Torque off for every motor (the head sinks gently under its own weight). The move is cancelled first.
    public func disableMotors() async throws {
        if isClosed { throw ReachyMiniError.closed }
        loop.cancel()
        let motors: any MotorIO = busIO?.io ?? self.motors
        do {
            try await busQueue.run { try motors.setTorque(false) }
        } catch {
            throw ReachyMiniError.bus("Could not switch the motors off: \(error)")
        }
        state.withLock {
            $0.motorMode = .disabled
            $0.targetFrame = nil
        }
    }

    /// Switches to a motor mode. `gravityCompensation` throws ``ReachyMiniError/gravityCompensationUnsupported``.
    public func setMotorMode(_ mode: MotorMode) async throws {
        switch mode {
        case .enabled: try await enableMotors()
        case .disabled: try await disableMotors()
        case .gravityCompensation: throw ReachyMiniError.gravityCompensationUnsupported
        }
    }

    /// Brings the robot to rest for a program that is stopping (Ctrl-C, SIGTERM): cancels the move, then
    /// `sleep` goes to the sleep pose and switches torque off (falling back to torque off when the pose cannot be
    /// reached), `hold` keeps torque on where the head is, `release` switches torque off right away.
    /// Never throws: it returns what it did.
    @discardableResult
    public func safeStop(mode: SafeStopMode) async -> SafeStopOutcome {
        cancel()
        if isClosed { return .closed }
        switch mode {
        case .hold:
            return motorMode == .enabled ? .holding : .released
        case .release:
            do {
                try await disableMotors()
                return .released
            } catch {
                return .failed(String(describing: error))
            }
        case .sleep:
            if motorMode == .enabled, loop.fault == nil {
                do {
                    try await gotoSleep(settle: 0.3)
                    return .asleep
                } catch {
                    let reason = String(describing: error)
                    if (try? await disableMotors()) != nil { return .releasedAfter(reason) }
                    return .failed(reason)
                }
            }
            do {
                try await disableMotors()
                return .released
            } catch {
                return .failed(String(describing: error))
            }
        }
    }
}

/// What ``ReachyMini/safeStop(mode:)`` did.
public enum SafeStopOutcome: Sendable, Equatable, CustomStringConvertible {
    /// In the sleep pose, torque off.
    case asleep
    /// Torque on, holding.
    case holding
    /// Torque off.
    case released
    /// Torque off after the sleep pose could not be reached (why).
    case releasedAfter(String)
    /// The robot was already closed.
    case closed
    /// Nothing could be done (why): the robot may still have torque on.
    case failed(String)

    public var description: String {
        switch self {
        case .asleep: "The robot is in its sleep pose with the motors off."
        case .holding: "The robot holds its position (motors on)."
        case .released: "The motors are off."
        case .releasedAfter(let reason): "Could not reach the sleep pose (\(reason)); the motors are off."
        case .closed: "The connection was already closed."
        case .failed(let reason):
            "Could not stop the robot safely: \(reason). Switch the robot's power off if it keeps moving."
        }
    }
}
