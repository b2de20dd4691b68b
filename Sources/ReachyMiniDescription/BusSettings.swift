/// Serial bus settings of the robot.
public struct BusSettings: Codable, Hashable, Sendable {
    /// The wire protocol, `dynamixel-2.0`.
    public var `protocol`: String
    /// The line speed, bits per second.
    public var baudRate: Int
    /// What the servos' Baud Rate register (address 8) holds for `baudRate`.
    public var baudRateRegisterValue: UInt8
    /// Data bits per character.
    public var dataBits: Int
    /// Parity, `none`.
    public var parity: String
    /// Stop bits per character.
    public var stopBits: Int
    /// How long the official driver waits for a reply.
    public var readTimeoutMilliseconds: Int
    /// The USB-serial adapter of the Lite model.
    public var adapter: USBID
    /// The adapter's device on Linux.
    public var linuxDevice: String
    /// The stable name the udev rule in `hardware/99-reachy-mini.rules` creates.
    public var udevSymlink: String
    /// The motor UART of the Wireless model.
    public var wirelessUART: String
    /// A new servo's ID and speed, before setup.
    public var factoryDefaults: FactoryDefaults

    /// A new servo's ID and speed, before setup.
    public struct FactoryDefaults: Codable, Hashable, Sendable {
        /// The ID a servo has out of the box.
        public var id: UInt8
        /// The speed a servo listens at out of the box, bits per second.
        public var baudRate: Int
    }
}
