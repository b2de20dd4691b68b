/// Something the robot reports that is not telemetry: safety clamps, refused targets, faults, reconnection,
/// motors' hardware errors.
/// (What startup did — reboots, EEPROM rewrites — is in ``ReachyMini/startupReport``.)
/// Read them from ``ReachyMini/events()``.
public enum RobotEvent: Sendable, Equatable, CustomStringConvertible {
    /// A target was moved inside the limits (first time per joint and per move).
    case clamped([ClampEntry])
    /// The joint speed cap slowed these joints down (at most once a second).
    case speedLimited([String])
    /// A target was refused by the safety layer (unreachable, NaN); the previous goals were kept.
    case targetRefused(String)
    /// The control loop stopped commanding.
    case fault(ControlLoopFault)
    /// The motors answer again after a fault; nothing is commanded until the next move.
    case recovered
    /// The link was reopened after the adapter came back.
    case reconnected(String)
    /// A motor reports a hardware error it did not report before (input voltage, overheating, overload…).
    case hardwareError(MotorHardwareError)

    public var description: String {
        switch self {
        case .clamped(let entries):
            "clamped to the safety limits: " + entries.map(\.description).joined(separator: "; ")
        case .speedLimited(let joints): "slowed to the joint speed limit: " + joints.joined(separator: ", ")
        case .targetRefused(let message): message
        case .fault(let fault): fault.description
        case .recovered: "the motors answer again; motion resumes with the next command"
        case .reconnected(let name): "reconnected to \(name)"
        case .hardwareError(let error): error.description
        }
    }
}
