/// A Protocol 2.0 instruction code. Unknown codes are representable so that a servo (or the simulator) can
/// answer them with an Instruction Error instead of failing to decode.
public struct Instruction: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let ping = Instruction(rawValue: 0x01)
    public static let read = Instruction(rawValue: 0x02)
    public static let write = Instruction(rawValue: 0x03)
    public static let regWrite = Instruction(rawValue: 0x04)
    public static let action = Instruction(rawValue: 0x05)
    public static let factoryReset = Instruction(rawValue: 0x06)
    public static let reboot = Instruction(rawValue: 0x08)
    public static let clear = Instruction(rawValue: 0x10)
    public static let controlTableBackup = Instruction(rawValue: 0x20)
    /// The code every status (reply) packet carries.
    public static let status = Instruction(rawValue: 0x55)
    public static let syncRead = Instruction(rawValue: 0x82)
    public static let syncWrite = Instruction(rawValue: 0x83)
    public static let fastSyncRead = Instruction(rawValue: 0x8A)
    public static let bulkRead = Instruction(rawValue: 0x92)
    public static let bulkWrite = Instruction(rawValue: 0x93)
    public static let fastBulkRead = Instruction(rawValue: 0x9A)

    /// Every instruction this implementation knows, status included.
    public static let known: [Instruction] = [
        .ping, .read, .write, .regWrite, .action, .factoryReset, .reboot, .clear, .controlTableBackup, .status,
        .syncRead, .syncWrite, .fastSyncRead, .bulkRead, .bulkWrite, .fastBulkRead,
    ]

    /// The e-manual's name for the instruction, or a hex code when unknown.
    public var name: String {
        switch self {
        case .ping: "Ping"
        case .read: "Read"
        case .write: "Write"
        case .regWrite: "Reg Write"
        case .action: "Action"
        case .factoryReset: "Factory Reset"
        case .reboot: "Reboot"
        case .clear: "Clear"
        case .controlTableBackup: "Control Table Backup"
        case .status: "Status"
        case .syncRead: "Sync Read"
        case .syncWrite: "Sync Write"
        case .fastSyncRead: "Fast Sync Read"
        case .bulkRead: "Bulk Read"
        case .bulkWrite: "Bulk Write"
        case .fastBulkRead: "Fast Bulk Read"
        default: "instruction 0x" + String(rawValue, radix: 16, uppercase: true)
        }
    }

    public var description: String { name }
}
