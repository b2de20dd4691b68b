/// The robot's nine motors as the control loop sees them: joint angles in radians, in the canonical order
/// `[body, s1…s6, right antenna, left antenna]` (Dynamixel IDs 10…18). `ServoBusMotorIO` implements it over the
/// servo bus (robot or simulator alike); the loop never knows which.
public protocol MotorIO: AnyObject, Sendable {
    /// How many joints (9 for a Reachy Mini).
    var jointCount: Int { get }
    /// Present positions; `nil` for a motor that did not answer this time.
    func readPositions() throws(MotorIOError) -> [Double?]
    /// Goal positions for every joint, already inside their limits.
    func writeGoals(_ radians: [Double]) throws(MotorIOError)
    /// Torque on or off for every motor.
    func setTorque(_ enabled: Bool) throws(MotorIOError)
    /// Hardware Error Status per motor index, for motors reporting a non-zero status.
    func readHardwareErrors() throws(MotorIOError) -> [Int: UInt8]
    /// Whether torque is on for every motor, when the link can tell (`nil`: unknown). Default: `nil`.
    func torqueEnabled() throws(MotorIOError) -> Bool?
    /// Releases the link (socket, port). Default: nothing to release.
    func close()
}

extension MotorIO {
    public func torqueEnabled() throws(MotorIOError) -> Bool? { nil }
    public func close() {}
}

/// Why the motors could not be read or commanded, with what to do about it.
public enum MotorIOError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No motor answered at all.
    case noMotorsAnswering(port: String)
    /// Some motors did not answer (by name).
    case motorsMissing([String])
    /// The link to the robot failed.
    case link(String)

    public var description: String {
        switch self {
        case .noMotorsAnswering(let port):
            "No motor answers on \(port). Check that the robot's power supply is plugged in and switched on."
        case .motorsMissing(let names):
            "These motors do not answer: \(names.joined(separator: ", ")). Check their cables, then run `reachy doctor`."
        case .link(let message):
            message
        }
    }
}
