public import Dynamixel

/// A motor reporting a hardware error (its Hardware Error Status, address 70, is not zero): which motor, which
/// errors, and what to do. The control loop polls the status once a second; ``ReachyMini`` reports each new error
/// as ``RobotEvent/hardwareError(_:)`` and lists the current ones in ``ReachyMini/hardwareErrors``.
public struct MotorHardwareError: Sendable, Equatable, CustomStringConvertible {
    /// The motor's official name (e.g. `stewart_3`).
    public var motor: String
    /// Its bus ID.
    public var id: UInt8
    /// The error bits.
    public var status: HardwareErrorStatus

    /// Creates a report.
    public init(motor: String, id: UInt8, status: HardwareErrorStatus) {
        self.motor = motor
        self.id = id
        self.status = status
    }

    /// "Motor stewart_3 (ID 12) reports a hardware error (input voltage): …what it means and what to do…".
    public var description: String {
        "Motor \(motor) (ID \(id)) reports a hardware error (\(status)): " + status.messages.joined(separator: " ")
            + " A motor keeps the error until it reboots: switching the robot off and on reboots every motor."
    }
}
