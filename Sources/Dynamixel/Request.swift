/// An instruction with its parameters decoded into typed fields: what the host asks of one device (or of all).
/// `InstructionPacket(id:request:)` encodes one; `Request(packet)` decodes one (what a servo or the simulator
/// does on receive).
public enum Request: Hashable, Sendable {
    case ping
    case read(address: UInt16, length: UInt16)
    case write(address: UInt16, data: [UInt8])
    case regWrite(address: UInt16, data: [UInt8])
    case action
    case factoryReset(FactoryResetOption)
    case reboot
    /// Clear multi-turn position (option 0x01 with the key `44 58 4C 22`).
    case clear
    case controlTableBackup(BackupOperation)
    case syncRead(address: UInt16, length: UInt16, ids: [UInt8])
    case syncWrite(address: UInt16, length: UInt16, entries: [SyncWriteEntry])
    case fastSyncRead(address: UInt16, length: UInt16, ids: [UInt8])
    case bulkRead([BulkReadEntry])
    case bulkWrite([BulkWriteEntry])
    case fastBulkRead([BulkReadEntry])

    /// The instruction code.
    public var instruction: Instruction {
        switch self {
        case .ping: .ping
        case .read: .read
        case .write: .write
        case .regWrite: .regWrite
        case .action: .action
        case .factoryReset: .factoryReset
        case .reboot: .reboot
        case .clear: .clear
        case .controlTableBackup: .controlTableBackup
        case .syncRead: .syncRead
        case .syncWrite: .syncWrite
        case .fastSyncRead: .fastSyncRead
        case .bulkRead: .bulkRead
        case .bulkWrite: .bulkWrite
        case .fastBulkRead: .fastBulkRead
        }
    }

    /// The parameter bytes, unstuffed.
    public var parameters: [UInt8] {
        switch self {
        case .ping, .action, .reboot: return []
        case .read(let address, let length): return le(address) + le(length)
        case .write(let address, let data), .regWrite(let address, let data): return le(address) + data
        case .factoryReset(let option): return [option.rawValue]
        case .clear: return Request.clearKey
        case .controlTableBackup(let operation): return [operation.rawValue] + Request.backupKey
        case .syncRead(let address, let length, let ids), .fastSyncRead(let address, let length, let ids):
            return le(address) + le(length) + ids
        case .syncWrite(let address, let length, let entries):
            var bytes = le(address) + le(length)
            for entry in entries { bytes += [entry.id] + entry.data }
            return bytes
        case .bulkRead(let entries), .fastBulkRead(let entries):
            return entries.flatMap { [$0.id] + le($0.address) + le($0.length) }
        case .bulkWrite(let entries):
            return entries.flatMap {
                [$0.id] + le($0.address) + le(UInt16(truncatingIfNeeded: $0.data.count)) + $0.data
            }
        }
    }

    /// Whether any device answers this request when it is broadcast (ID 0xFE).
    public var repliesToBroadcast: Bool {
        switch self {
        case .ping, .syncRead, .fastSyncRead, .bulkRead, .fastBulkRead: true
        default: false
        }
    }

    /// The parameters of Clear: option 0x01 followed by the key.
    public static let clearKey: [UInt8] = [0x01, 0x44, 0x58, 0x4C, 0x22]
    /// The key that follows the operation byte of Control Table Backup ("CTRL").
    public static let backupKey: [UInt8] = [0x43, 0x54, 0x52, 0x4C]
}

/// What Factory Reset keeps.
public enum FactoryResetOption: UInt8, Hashable, Sendable {
    /// Reset everything, ID and baud rate included.
    case all = 0xFF
    /// Reset everything but the ID.
    case allButID = 0x01
    /// Reset everything but the ID and the baud rate.
    case allButIDAndBaudRate = 0x02
}

/// Store or restore the control table backup (X330 firmware 46 and later).
public enum BackupOperation: UInt8, Hashable, Sendable {
    case store = 0x01
    case restore = 0x02
}

/// One device's data in a Sync Write.
public struct SyncWriteEntry: Hashable, Sendable {
    public var id: UInt8
    public var data: [UInt8]
    public init(id: UInt8, data: [UInt8]) {
        self.id = id
        self.data = data
    }
}

/// One device's address and length in a (Fast) Bulk Read.
public struct BulkReadEntry: Hashable, Sendable {
    public var id: UInt8
    public var address: UInt16
    public var length: UInt16
    public init(id: UInt8, address: UInt16, length: UInt16) {
        self.id = id
        self.address = address
        self.length = length
    }
}

/// One device's address and data in a Bulk Write.
public struct BulkWriteEntry: Hashable, Sendable {
    public var id: UInt8
    public var address: UInt16
    public var data: [UInt8]
    public init(id: UInt8, address: UInt16, data: [UInt8]) {
        self.id = id
        self.address = address
        self.data = data
    }
}

extension InstructionPacket {
    /// The packet for `request`, sent to `id` (use `PacketFraming.broadcastID` for sync and bulk instructions).
    public init(id: UInt8, request: Request) {
        self.init(id: id, instruction: request.instruction, parameters: request.parameters)
    }

    /// The request with typed parameters, or the reason it is malformed (what a servo answers with an error).
    public func request() -> Result<Request, RequestDecodeError> {
        Request.decode(instruction: instruction, parameters: parameters)
    }
}

/// Why an instruction packet's parameters do not form a valid request. A servo answers these with
/// Instruction Error (unknown code) or Data Length Error (wrong parameter count).
public enum RequestDecodeError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownInstruction(Instruction)
    case badParameters(Instruction, count: Int)

    /// The status error number a servo reports for this.
    public var protocolError: ProtocolError {
        switch self {
        case .unknownInstruction: .instructionError
        case .badParameters: .dataLengthError
        }
    }

    public var description: String {
        switch self {
        case .unknownInstruction(let instruction): "unknown \(instruction)"
        case .badParameters(let instruction, let count): "\(instruction) with \(count) parameter bytes is malformed"
        }
    }
}

extension Request {
    /// Decodes typed parameters.
    public static func decode(instruction: Instruction, parameters p: [UInt8]) -> Result<Request, RequestDecodeError> {
        let bad = RequestDecodeError.badParameters(instruction, count: p.count)
        func u16(_ index: Int) -> UInt16 { UInt16(p[index]) | UInt16(p[index + 1]) << 8 }
        switch instruction {
        case .ping: return .success(.ping)
        case .action: return .success(.action)
        case .reboot: return .success(.reboot)
        case .read:
            guard p.count == 4 else { return .failure(bad) }
            return .success(.read(address: u16(0), length: u16(2)))
        case .write, .regWrite:
            guard p.count >= 3 else { return .failure(bad) }
            let data = Array(p[2...])
            return .success(
                instruction == .write ? .write(address: u16(0), data: data) : .regWrite(address: u16(0), data: data))
        case .factoryReset:
            guard p.count == 1, let option = FactoryResetOption(rawValue: p[0]) else { return .failure(bad) }
            return .success(.factoryReset(option))
        case .clear:
            guard p == clearKey else { return .failure(bad) }
            return .success(.clear)
        case .controlTableBackup:
            guard p.count == 5, let operation = BackupOperation(rawValue: p[0]), Array(p[1...]) == backupKey else {
                return .failure(bad)
            }
            return .success(.controlTableBackup(operation))
        case .syncRead, .fastSyncRead:
            guard p.count >= 5 else { return .failure(bad) }
            let ids = Array(p[4...])
            return .success(
                instruction == .syncRead
                    ? .syncRead(address: u16(0), length: u16(2), ids: ids)
                    : .fastSyncRead(address: u16(0), length: u16(2), ids: ids))
        case .syncWrite:
            guard p.count >= 4 else { return .failure(bad) }
            let length = Int(u16(2))
            let stride = length + 1
            guard length > 0, (p.count - 4) % stride == 0, p.count > 4 else { return .failure(bad) }
            var entries: [SyncWriteEntry] = []
            var index = 4
            while index < p.count {
                entries.append(SyncWriteEntry(id: p[index], data: Array(p[(index + 1)..<(index + stride)])))
                index += stride
            }
            return .success(.syncWrite(address: u16(0), length: u16(2), entries: entries))
        case .bulkRead, .fastBulkRead:
            guard p.count >= 5, p.count % 5 == 0 else { return .failure(bad) }
            let entries = stride(from: 0, to: p.count, by: 5).map {
                BulkReadEntry(id: p[$0], address: u16($0 + 1), length: u16($0 + 3))
            }
            return .success(instruction == .bulkRead ? .bulkRead(entries) : .fastBulkRead(entries))
        case .bulkWrite:
            var entries: [BulkWriteEntry] = []
            var index = 0
            while index < p.count {
                guard index + 5 <= p.count else { return .failure(bad) }
                let length = Int(u16(index + 3))
                guard length > 0, index + 5 + length <= p.count else { return .failure(bad) }
                entries.append(
                    BulkWriteEntry(
                        id: p[index], address: u16(index + 1), data: Array(p[(index + 5)..<(index + 5 + length)])))
                index += 5 + length
            }
            guard !entries.isEmpty else { return .failure(bad) }
            return .success(.bulkWrite(entries))
        default:
            return .failure(.unknownInstruction(instruction))
        }
    }
}

@inline(__always)
func le(_ value: UInt16) -> [UInt8] {
    [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
}
