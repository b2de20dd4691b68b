import Foundation

/// The robot a program runs against once discovery is done — never "whatever is found": a serial port (a robot or a
/// simulator pty), the built-in simulator, or the official daemon of a (Wireless) robot.
public enum RobotTarget: Sendable, Equatable {
    /// A serial port at `baud` bits per second.
    case serial(path: String, baud: Int)
    /// The built-in simulator, in this process.
    case simulator
    /// The official daemon at this address.
    case daemon(DaemonEndpoint)

    /// Whether nothing real moves.
    public var isSimulated: Bool { self == .simulator }

    /// The daemon, when that is the target.
    public var daemon: DaemonEndpoint? {
        if case .daemon(let endpoint) = self { endpoint } else { nil }
    }

    /// What to call it in messages: "/dev/ttyACM0", "the built-in simulator", "the robot's daemon at http://…".
    public var label: String {
        switch self {
        case .serial(let path, _): path
        case .simulator: "the built-in simulator"
        case .daemon(let endpoint): "the robot's daemon at \(endpoint.base)"
        }
    }
}
