import Dynamixel
import ReachyMiniDescription

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The serial speeds a Dynamixel bus can run at, and the termios constants that select them.
public enum BaudRate {
    /// The speed the Reachy Mini's motor bus runs at: the robot description's `bus.baudRate`. (The rates a servo
    /// accepts are `Dynamixel.DynamixelBaudRate.rates`.)
    public static var reachyMini: Int { RobotDescription.bundledReachyMini.bus.baudRate }

    /// Every rate `TermiosTransport` can set on this operating system, ascending.
    public static var termiosRates: [Int] { termiosTable.map(\.rate) }

    /// The termios speed constant for `rate`, or `nil` when the OS has no constant for it.
    static func termiosSpeed(for rate: Int) -> speed_t? {
        termiosTable.first { $0.rate == rate }?.speed
    }

    /// The error a transport reports for a rate it cannot set.
    static func unsupported(_ rate: Int, name: String) -> TransportError {
        let list = termiosRates.map(String.init).joined(separator: ", ")
        return .io(
            name: name, operation: "Setting the speed to \(rate) baud", code: EINVAL,
            message: "this rate is not available through termios; use one of \(list) (Dynamixel: 57600 factory, "
                + "1000000 on Reachy Mini)")
    }

    #if os(Linux)
        private static let termiosTable: [(rate: Int, speed: speed_t)] = [
            (9_600, speed_t(B9600)), (19_200, speed_t(B19200)), (38_400, speed_t(B38400)),
            (57_600, speed_t(B57600)), (115_200, speed_t(B115200)), (230_400, speed_t(B230400)),
            (460_800, speed_t(B460800)), (500_000, speed_t(B500000)), (576_000, speed_t(B576000)),
            (921_600, speed_t(B921600)), (1_000_000, speed_t(B1000000)), (1_152_000, speed_t(B1152000)),
            (1_500_000, speed_t(B1500000)), (2_000_000, speed_t(B2000000)), (2_500_000, speed_t(B2500000)),
            (3_000_000, speed_t(B3000000)), (3_500_000, speed_t(B3500000)), (4_000_000, speed_t(B4000000)),
        ]
    #else
        // Darwin's termios stops at 230400; higher rates need the IOSSIOSPEED ioctl, which the libserialport
        // transport uses. Darwin's speed_t is the rate itself.
        private static let termiosTable: [(rate: Int, speed: speed_t)] = [
            (9_600, speed_t(B9600)), (19_200, speed_t(B19200)), (38_400, speed_t(B38400)),
            (57_600, speed_t(B57600)), (115_200, speed_t(B115200)), (230_400, speed_t(B230400)),
        ]
    #endif
}
