/// The framing shared by instruction and status packets:
/// `FF FF FD 00 | ID | LEN_L LEN_H | INST | [ERR] | params… | CRC_L CRC_H`, where LEN counts every byte after the
/// LEN field (stuffed bytes included) and the CRC covers everything before it.
public enum PacketFraming {
    /// The four header bytes.
    public static let header: [UInt8] = [0xFF, 0xFF, 0xFD, 0x00]
    /// The broadcast ID.
    public static let broadcastID: UInt8 = 0xFE
    /// The highest ID a device may have.
    public static let maxDeviceID: UInt8 = 0xFC
    /// Bytes before the instruction byte: header, ID, LEN.
    public static let prefixLength = 7
    /// The largest LEN we accept on receive; anything longer is treated as corruption. Real servos never send
    /// more than their control table (a few hundred bytes); a 9-servo fast read is under 1 KiB.
    public static let maxLength = 4096

    /// A complete packet: header, ID, LEN, then `body` (already stuffed when it must be), then the CRC.
    public static func frame(id: UInt8, body: [UInt8]) -> [UInt8] {
        var packet = header
        packet.reserveCapacity(prefixLength + body.count + 2)
        packet.append(id)
        let length = body.count + 2
        packet.append(UInt8(truncatingIfNeeded: length))
        packet.append(UInt8(truncatingIfNeeded: length >> 8))
        packet.append(contentsOf: body)
        let crc = CRC16.checksum(packet)
        packet.append(UInt8(truncatingIfNeeded: crc))
        packet.append(UInt8(truncatingIfNeeded: crc >> 8))
        return packet
    }
}

/// An instruction packet sent by the host to one device or to all (ID 0xFE).
public struct InstructionPacket: Hashable, Sendable {
    public var id: UInt8
    public var instruction: Instruction
    /// The parameters, unstuffed.
    public var parameters: [UInt8]

    public init(id: UInt8, instruction: Instruction, parameters: [UInt8] = []) {
        self.id = id
        self.instruction = instruction
        self.parameters = parameters
    }

    /// The bytes on the wire: stuffed body, LEN and CRC computed over the stuffed form.
    public func encoded() -> [UInt8] {
        PacketFraming.frame(id: id, body: ByteStuffing.stuff([instruction.rawValue] + parameters))
    }

    /// Whether the packet goes to every device.
    public var isBroadcast: Bool { id == PacketFraming.broadcastID }
}

/// A status packet: a device's reply. A fast sync/bulk read reply is a status packet with ID 0xFE whose
/// parameters hold every device's block (see `FastReadReply`); it is never stuffed.
public struct StatusPacket: Hashable, Sendable {
    public var id: UInt8
    public var error: StatusError
    /// The parameters, unstuffed.
    public var parameters: [UInt8]

    public init(id: UInt8, error: StatusError = .ok, parameters: [UInt8] = []) {
        self.id = id
        self.error = error
        self.parameters = parameters
    }

    /// The bytes on the wire. Ordinary status packets are stuffed; a fast-read reply (ID 0xFE) is not.
    public func encoded() -> [UInt8] {
        let body = [Instruction.status.rawValue, error.rawValue] + parameters
        return PacketFraming.frame(id: id, body: id == PacketFraming.broadcastID ? body : ByteStuffing.stuff(body))
    }

    /// Whether this is the combined reply to a Fast Sync Read or Fast Bulk Read.
    public var isFastReadReply: Bool { id == PacketFraming.broadcastID }
}

/// Either kind of packet, as the decoder delivers them.
public enum Packet: Hashable, Sendable {
    case instruction(InstructionPacket)
    case status(StatusPacket)

    /// The packet's ID field.
    public var id: UInt8 {
        switch self {
        case .instruction(let packet): packet.id
        case .status(let packet): packet.id
        }
    }

    /// The bytes on the wire.
    public func encoded() -> [UInt8] {
        switch self {
        case .instruction(let packet): packet.encoded()
        case .status(let packet): packet.encoded()
        }
    }
}
