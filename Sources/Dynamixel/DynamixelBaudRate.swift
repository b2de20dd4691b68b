/// The serial speeds X330 servos run at, indexed by the Baud Rate register (address 8): the one baud table of the
/// package. The hardware layer's termios table, the simulator's servos and the robot description all look rates up
/// here.
public enum DynamixelBaudRate {
    /// Bits per second for Baud Rate register values 0…6 (value 1, 57600, is the factory default).
    public static let rates = [9_600, 57_600, 115_200, 1_000_000, 2_000_000, 3_000_000, 4_000_000]

    /// The speed a Baud Rate register value selects, or nil for a value the servo refuses.
    public static func rate(forRegisterValue value: Int) -> Int? {
        rates.indices.contains(value) ? rates[value] : nil
    }

    /// The Baud Rate register value that selects `rate`, or nil when no servo runs at that speed.
    public static func registerValue(forRate rate: Int) -> UInt8? {
        rates.firstIndex(of: rate).map(UInt8.init)
    }
}
