import DequeModule

/// An incremental Protocol 2.0 decoder. Feed it bytes as they arrive, in any split; take packets out as they
/// complete. It hunts for the `FF FF FD 00` header, skips garbage, checks LEN and the CRC (over the stuffed
/// bytes), and only then removes stuffing. After a bad packet it resynchronises on the next header, so one
/// corrupted packet never hides the good one that follows.
public struct PacketDecoder: Sendable {
    private var buffer: Deque<UInt8> = []
    /// How many bytes were discarded while hunting for a header, since creation.
    public private(set) var skippedByteCount = 0

    public init() {}

    /// Adds received bytes.
    public mutating func append<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        buffer.append(contentsOf: bytes)
    }

    /// Bytes received but not yet part of a complete packet.
    public var pendingBytes: [UInt8] { Array(buffer) }

    /// How many bytes are pending (a packet still incomplete, or the start of a header).
    public var pendingCount: Int { buffer.count }

    /// Gives up on the incomplete packet at the front (the rest of it was lost on the wire): drops its first byte,
    /// so that `next()` looks for the next header inside what was taken for its body — a damaged packet that
    /// swallowed the good ones after it no longer hides them. Returns whether bytes remain.
    public mutating func skipIncompletePacket() -> Bool {
        guard !buffer.isEmpty else { return false }
        dropOne()
        return !buffer.isEmpty
    }

    /// Forgets everything pending (used before a new transaction).
    public mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
    }

    /// The next complete packet, a decode error for a bad one (which is dropped), or `nil` when more bytes are
    /// needed.
    public mutating func next() -> Result<Packet, DecodeError>? {
        while true {
            guard alignToHeader() else { return nil }
            guard buffer.count >= PacketFraming.prefixLength else { return nil }
            let id = buffer[4]
            let length = Int(buffer[5]) | Int(buffer[6]) << 8
            if id == 0xFF || id == 0xFD {
                dropOne()
                continue
            }
            guard length >= 3, length <= PacketFraming.maxLength else {
                dropOne()
                return .failure(.invalidLength(id: id, length: length))
            }
            let total = PacketFraming.prefixLength + length
            guard buffer.count >= total else { return nil }
            let packet = Array(buffer.prefix(total))
            let expected = CRC16.checksum(packet[0..<(total - 2)])
            let received = UInt16(packet[total - 2]) | UInt16(packet[total - 1]) << 8
            guard expected == received else {
                dropOne()
                return .failure(.crcMismatch(id: id, expected: expected, received: received))
            }
            buffer.removeFirst(total)
            let instruction = Instruction(rawValue: packet[7])
            let body = packet[8..<(total - 2)]
            if instruction == .status {
                guard let errorByte = body.first else {
                    return .failure(.malformedStatus(id: id))
                }
                let raw = Array(body.dropFirst())
                let parameters = id == PacketFraming.broadcastID ? raw : ByteStuffing.unstuff(raw)
                return .success(
                    .status(StatusPacket(id: id, error: StatusError(rawValue: errorByte), parameters: parameters)))
            }
            return .success(
                .instruction(
                    InstructionPacket(id: id, instruction: instruction, parameters: ByteStuffing.unstuff(Array(body)))))
        }
    }

    /// Drops bytes until the buffer starts with `FF FF FD 00` (or with a prefix of it). Returns false when the
    /// buffer holds no complete header yet.
    private mutating func alignToHeader() -> Bool {
        while let first = buffer.first {
            if first != 0xFF {
                dropOne()
                continue
            }
            let header = PacketFraming.header
            var matched = 1
            while matched < 4, matched < buffer.count, buffer[matched] == header[matched] {
                matched += 1
            }
            if matched == 4 { return true }
            if matched == buffer.count { return false }  // a prefix of the header: wait for more
            dropOne()
        }
        return false
    }

    private mutating func dropOne() {
        buffer.removeFirst()
        skippedByteCount += 1
    }
}

/// Why received bytes did not make a packet. The decoder drops the bad packet and continues with the next.
public enum DecodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The checksum did not match: the packet was corrupted on the wire.
    case crcMismatch(id: UInt8, expected: UInt16, received: UInt16)
    /// LEN was impossible (shorter than an empty packet, or absurdly long).
    case invalidLength(id: UInt8, length: Int)
    /// A status packet without its error byte.
    case malformedStatus(id: UInt8)

    public var description: String {
        switch self {
        case .crcMismatch(let id, let expected, let received):
            "corrupted packet from ID \(id): CRC 0x\(hex16(received)), expected 0x\(hex16(expected)) (electrical noise or a loose cable?)"
        case .invalidLength(let id, let length):
            "packet from ID \(id) has an impossible length \(length); skipped"
        case .malformedStatus(let id):
            "status packet from ID \(id) has no error byte; skipped"
        }
    }
}

func hex16(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
