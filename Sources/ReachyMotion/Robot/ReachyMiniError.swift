/// Why a ``ReachyMini`` call failed, with what to do about it.
public enum ReachyMiniError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The robot was closed.
    case closed
    /// The move was cancelled by ``ReachyMini/cancel()`` or replaced by another command.
    case interrupted
    /// The control loop stopped commanding (robot unreachable, write failure).
    case fault(ControlLoopFault)
    /// The safety layer refused the target.
    case unsafeTarget(String)
    /// A target number is NaN, infinite or absurdly large (``SafetyError/notFinite(what:)``,
    /// ``SafetyError/outOfRange(what:value:allowed:unit:)``); nothing was moved or stored.
    case invalidTarget(SafetyError)
    /// The move itself is invalid (duration, NaN).
    case invalidMove(String)
    /// The motors are off.
    case motorsDisabled
    /// Gravity compensation was asked for.
    case gravityCompensationUnsupported
    /// A bus command failed.
    case bus(String)

    public var description: String {
        switch self {
        case .closed: "The robot connection is closed; connect again."
        case .interrupted: "The move was interrupted (cancelled or replaced by another command)."
        case .fault(let fault): fault.description
        case .unsafeTarget(let message): message
        case .invalidTarget(let error): error.description
        case .invalidMove(let message): message
        case .motorsDisabled:
            "The motors are off, so the robot cannot move. Call enableMotors() or wakeUp() first (`reachy wake`)."
        case .gravityCompensationUnsupported:
            "Gravity compensation is not supported: it needs the Placo dynamics model of the official daemon. "
                + "Use enabled or disabled."
        case .bus(let message): message
        }
    }
}
