/// The combined reply to Fast Sync Read and Fast Bulk Read: one packet with ID 0xFE in which each device appends
/// its block `ERR ID data… CRC_L CRC_H`. Each block's CRC is the *running* CRC of the whole packet so far (from
/// `FF FF FD 00`); the last block's CRC is the packet CRC. The reply is never byte-stuffed.
///
/// A device that does not answer truncates the chain; `parse` still delivers the blocks that arrived intact and
/// reports the others by ID.
public enum FastReadReply {
    /// One device's part of the reply.
    public struct Block: Hashable, Sendable {
        public var id: UInt8
        public var error: StatusError
        public var data: [UInt8]
        public init(id: UInt8, error: StatusError = .ok, data: [UInt8]) {
            self.id = id
            self.error = error
            self.data = data
        }
    }

    /// What the host expects from one device: its ID and how many data bytes.
    public struct Expectation: Hashable, Sendable {
        public var id: UInt8
        public var length: Int
        public init(id: UInt8, length: Int) {
            self.id = id
            self.length = length
        }
    }

    /// The bytes devices put on the wire for `blocks`, in order.
    public static func encode(_ blocks: [Block]) -> [UInt8] {
        let length = 1 + blocks.reduce(0) { $0 + 4 + $1.data.count }
        var bytes = PacketFraming.header + [PacketFraming.broadcastID]
        bytes += [
            UInt8(truncatingIfNeeded: length), UInt8(truncatingIfNeeded: length >> 8), Instruction.status.rawValue,
        ]
        var crc = CRC16.checksum(bytes)
        for block in blocks {
            let part = [block.error.rawValue, block.id] + block.data
            bytes += part
            crc = CRC16.update(crc, with: part)
            bytes += [UInt8(truncatingIfNeeded: crc), UInt8(truncatingIfNeeded: crc >> 8)]
            crc = CRC16.update(crc, with: bytes.suffix(2))
        }
        return bytes
    }

    /// The blocks of a complete reply packet as the decoder delivered it (parameters after the first error byte).
    public static func parse(_ packet: StatusPacket, expecting expected: [Expectation]) -> [UInt8: Result<
        Block, FastReadError
    >] {
        let length = 1 + 1 + packet.parameters.count + 2
        let raw =
            PacketFraming.header + [
                packet.id, UInt8(truncatingIfNeeded: length), UInt8(truncatingIfNeeded: length >> 8),
            ]
            + [Instruction.status.rawValue, packet.error.rawValue] + packet.parameters
        // The packet CRC was already checked by the decoder; re-append it so every block checks the same way.
        let crc = CRC16.checksum(raw)
        return parse(
            raw: raw + [UInt8(truncatingIfNeeded: crc), UInt8(truncatingIfNeeded: crc >> 8)], expecting: expected)
    }

    /// The blocks found in raw received bytes starting at the header, complete or truncated. Each expected ID
    /// maps to its block, or to why it is missing.
    public static func parse(raw: [UInt8], expecting expected: [Expectation]) -> [UInt8: Result<Block, FastReadError>] {
        var results: [UInt8: Result<Block, FastReadError>] = [:]
        let prefix = PacketFraming.prefixLength + 1
        guard raw.count >= prefix, Array(raw.prefix(4)) == PacketFraming.header, raw[4] == PacketFraming.broadcastID,
            raw[7] == Instruction.status.rawValue
        else {
            for expectation in expected { results[expectation.id] = .failure(.noReply(id: expectation.id)) }
            return results
        }
        var crc = CRC16.checksum(raw[0..<prefix])
        var offset = prefix
        var chainBroken = false
        for expectation in expected {
            let end = offset + 2 + expectation.length + 2
            if chainBroken || end > raw.count {
                chainBroken = true
                results[expectation.id] = .failure(.noReply(id: expectation.id))
                continue
            }
            let part = raw[offset..<(end - 2)]
            crc = CRC16.update(crc, with: part)
            let received = UInt16(raw[end - 2]) | UInt16(raw[end - 1]) << 8
            let blockID = raw[offset + 1]
            if received != crc {
                results[expectation.id] = .failure(.corrupted(id: expectation.id))
                chainBroken = true
                continue
            }
            if blockID != expectation.id {
                results[expectation.id] = .failure(.unexpectedID(expected: expectation.id, received: blockID))
                chainBroken = true
                continue
            }
            crc = CRC16.update(crc, with: raw[(end - 2)..<end])
            let block = Block(
                id: blockID, error: StatusError(rawValue: raw[offset]), data: Array(raw[(offset + 2)..<(end - 2)]))
            results[expectation.id] = .success(block)
            offset = end
        }
        return results
    }
}

/// Why one device's block of a fast read reply is unusable.
public enum FastReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing (or not enough) arrived for this device.
    case noReply(id: UInt8)
    /// The block's running CRC did not match.
    case corrupted(id: UInt8)
    /// A different device answered in this position.
    case unexpectedID(expected: UInt8, received: UInt8)

    public var description: String {
        switch self {
        case .noReply(let id): "no reply from motor \(id) in the fast read"
        case .corrupted(let id): "motor \(id)'s part of the fast read reply was corrupted"
        case .unexpectedID(let expected, let received):
            "motor \(received) answered where motor \(expected) was expected"
        }
    }
}
