/// A byte pipe to a Dynamixel bus: a serial port, a pseudo-terminal, or an in-memory link to a simulator.
///
/// Transports are blocking and are driven from one thread at a time (the servo bus or the control loop owns
/// its transport). Implementations live in sibling targets: `ReachyHardware` (libserialport, termios) and
/// the in-memory pair in this module, which `ReachySimulator` serves.
public protocol ByteTransport: AnyObject, Sendable {
    /// A human-readable name for messages, such as `/dev/ttyACM0` or `simulator`.
    var name: String { get }

    /// Sends every byte, or throws.
    func write(_ bytes: [UInt8]) throws(TransportError)

    /// Returns between 1 and `maxCount` bytes as soon as any are available, or an empty array when `timeout`
    /// passes with nothing received.
    func read(maxCount: Int, timeout: Duration) throws(TransportError) -> [UInt8]

    /// Discards bytes received but not yet read (stale replies from an earlier transaction).
    func flushInput() throws(TransportError)

    /// Releases the device. Later calls throw `TransportError.closed`.
    func close()
}

/// Why a transport could not move bytes, with what a user can do about it.
public enum TransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The transport was closed by its owner.
    case closed(name: String)
    /// The device went away (unplugged adapter, pty closed by the other side).
    case disconnected(name: String, reason: String)
    /// The path does not exist.
    case notFound(path: String)
    /// The OS refused access to the device.
    case permissionDenied(path: String)
    /// The device exists but is held by another program.
    case busy(path: String)
    /// Any other operating-system failure.
    case io(name: String, operation: String, code: Int32, message: String)

    public var description: String {
        switch self {
        case .closed(let name):
            return "\(name) is closed; open it again before use."
        case .disconnected(let name, let reason):
            return "Lost the connection to \(name) (\(reason)). Check the USB cable and the robot's power, then retry."
        case .notFound(let path):
            return "No serial port at \(path). Is the robot plugged in? Run `reachy ports` to list the ports."
        case .permissionDenied(let path):
            return """
                Permission denied opening \(path). Install the udev rule (sudo cp hardware/99-reachy-mini.rules \
                /etc/udev/rules.d/ && sudo udevadm control --reload-rules && sudo udevadm trigger) and add yourself \
                to the dialout group (sudo usermod -aG dialout $USER), then log out and back in.
                """
        case .busy(let path):
            return "\(path) is in use by another program (the official daemon?). Stop it and try again."
        case .io(let name, let operation, let code, let message):
            return "\(operation) on \(name) failed: \(message) (errno \(code))."
        }
    }
}

/// A transport that keeps its own time, such as a simulated wire on a virtual clock. A `ServoBus` over it measures
/// its reply deadlines on this time instead of the system's, so every wait costs simulated time and a run is
/// reproducible whatever the machine's speed.
public protocol TransportClock: AnyObject, Sendable {
    /// The transport's current time, from any fixed origin.
    var transportNow: Duration { get }
}
