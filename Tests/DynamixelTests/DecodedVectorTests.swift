import Foundation
import Testing

@testable import Dynamixel

/// One entry of `decoded.json`: a packet and its meaning, written from the sources.
struct DecodedVector: Decodable, CustomStringConvertible {
    struct Entry: Decodable {
        let id: UInt8
        let address: UInt16?
        let length: UInt16?
        let data: String?
        let value: Int?
    }
    struct Block: Decodable {
        let id: UInt8
        let error: UInt8
        let data: String
        let value: Int
        let crc: String
    }
    let source: String
    let name: String
    let hex: String
    let packet: String
    let id: UInt8
    let instruction: String?
    let address: UInt16?
    let length: UInt16?
    let data: String?
    let value: Int?
    let ids: [UInt8]?
    let option: String?
    let operation: String?
    let entries: [Entry]?
    let error: UInt8?
    let params: String?
    let model: UInt16?
    let firmware: UInt8?
    let blocks: [Block]?
    let reencodes: Bool?
    let printedCRC: String?

    var bytes: [UInt8] { VectorFiles.bytes(hex: hex) }
    var description: String { "\(source): \(name)" }

    static func all() throws -> [DecodedVector] {
        struct File: Decodable { let packets: [DecodedVector] }
        return try JSONDecoder().decode(File.self, from: VectorFiles.data("decoded.json")).packets
    }

    /// The request these fields describe, built without our decoder.
    func expectedRequest() -> Request? {
        let data = VectorFiles.bytes(hex: self.data ?? "")
        switch instruction {
        case "ping": return .ping
        case "read": return .read(address: address ?? 0, length: length ?? 0)
        case "write": return .write(address: address ?? 0, data: data)
        case "regWrite": return .regWrite(address: address ?? 0, data: data)
        case "action": return .action
        case "reboot": return .reboot
        case "clear": return .clear
        case "factoryReset":
            let options: [String: FactoryResetOption] = [
                "all": .all, "allButID": .allButID, "allButIDAndBaudRate": .allButIDAndBaudRate,
            ]
            return options[option ?? ""].map { .factoryReset($0) }
        case "controlTableBackup": return .controlTableBackup(operation == "store" ? .store : .restore)
        case "syncRead": return .syncRead(address: address ?? 0, length: length ?? 0, ids: ids ?? [])
        case "fastSyncRead": return .fastSyncRead(address: address ?? 0, length: length ?? 0, ids: ids ?? [])
        case "syncWrite":
            return .syncWrite(
                address: address ?? 0, length: length ?? 0,
                entries: (entries ?? []).map { SyncWriteEntry(id: $0.id, data: VectorFiles.bytes(hex: $0.data ?? "")) })
        case "bulkRead", "fastBulkRead":
            let list = (entries ?? []).map {
                BulkReadEntry(id: $0.id, address: $0.address ?? 0, length: $0.length ?? 0)
            }
            return instruction == "bulkRead" ? .bulkRead(list) : .fastBulkRead(list)
        case "bulkWrite":
            return .bulkWrite(
                (entries ?? []).map {
                    BulkWriteEntry(id: $0.id, address: $0.address ?? 0, data: VectorFiles.bytes(hex: $0.data ?? ""))
                })
        default: return nil
        }
    }
}

/// Little-endian two's-complement value of 1, 2 or 4 bytes (independent of `Register`).
func signedLittleEndian(_ bytes: [UInt8]) -> Int {
    var value = 0
    for (index, byte) in bytes.enumerated() { value |= Int(byte) << (8 * index) }
    let bits = bytes.count * 8
    return bits > 0 && value >= 1 << (bits - 1) ? value - (1 << bits) : value
}

@Suite("Decoded vectors")
struct DecodedVectorTests {
    @Test("every annotated packet decodes to its meaning", arguments: try DecodedVector.all())
    func decodesToItsMeaning(vector: DecodedVector) throws {
        var decoder = PacketDecoder()
        decoder.append(vector.bytes)
        let first = decoder.next()
        let packet = try #require(first).get()
        let second = decoder.next()
        #expect(second == nil && decoder.skippedByteCount == 0)
        #expect(packet.id == vector.id)
        switch (vector.packet, packet) {
        case ("instruction", .instruction(let instruction)):
            let expected = try #require(vector.expectedRequest(), "unknown instruction \(vector.instruction ?? "-")")
            #expect(try instruction.request().get() == expected)
            if let value = vector.value, let data = vector.data {
                #expect(signedLittleEndian(VectorFiles.bytes(hex: data)) == value)
            }
            for entry in vector.entries ?? [] {
                if let value = entry.value, let data = entry.data {
                    #expect(signedLittleEndian(VectorFiles.bytes(hex: data)) == value)
                }
            }
            let ours = InstructionPacket(id: vector.id, request: expected).encoded()
            if vector.reencodes == false {
                #expect(ours != vector.bytes)  // the peer's packet is malformed; ours is stuffed
            } else {
                #expect(ours == vector.bytes)
            }
        case ("status", .status(let status)):
            #expect(status.error.rawValue == vector.error ?? 0)
            #expect(status.parameters == VectorFiles.bytes(hex: vector.params ?? ""))
            if let value = vector.value { #expect(signedLittleEndian(status.parameters) == value) }
            if let model = vector.model {
                #expect(
                    PingReply(status) == PingReply(id: vector.id, modelNumber: model, firmware: vector.firmware ?? 0))
            }
            #expect(
                StatusPacket(
                    id: vector.id, error: StatusError(rawValue: vector.error ?? 0), parameters: status.parameters
                ).encoded() == vector.bytes)
        case ("fastStatus", .status(let status)):
            let blocks = try #require(vector.blocks)
            let expectations = blocks.map {
                FastReadReply.Expectation(id: $0.id, length: VectorFiles.bytes(hex: $0.data).count)
            }
            let parsed = FastReadReply.parse(status, expecting: expectations)
            for block in blocks {
                let data = VectorFiles.bytes(hex: block.data)
                #expect(
                    parsed[block.id]
                        == .success(
                            FastReadReply.Block(id: block.id, error: StatusError(rawValue: block.error), data: data)))
                #expect(signedLittleEndian(data) == block.value)
            }
            let encoded = FastReadReply.encode(
                blocks.map {
                    FastReadReply.Block(
                        id: $0.id, error: StatusError(rawValue: $0.error), data: VectorFiles.bytes(hex: $0.data))
                })
            #expect(encoded == vector.bytes)
            // Each block's running CRC sits right after its data.
            var offset = 8
            for block in blocks {
                offset += 2 + VectorFiles.bytes(hex: block.data).count
                #expect(Array(vector.bytes[offset..<(offset + 2)]) == VectorFiles.bytes(hex: block.crc))
                offset += 2
            }
        default:
            Issue.record("\(vector): expected a \(vector.packet) packet, decoded \(packet)")
        }
    }

    @Test(
        "the e-manual's printed CRCs are the typos", arguments: try DecodedVector.all().filter { $0.printedCRC != nil })
    func printedCRCIsWrong(vector: DecodedVector) throws {
        let printed = Array(vector.bytes.dropLast(2)) + VectorFiles.bytes(hex: vector.printedCRC ?? "")
        var decoder = PacketDecoder()
        decoder.append(printed)
        guard case .failure(.crcMismatch(_, let expected, _))? = decoder.next() else {
            Issue.record("the printed CRC should fail")
            return
        }
        #expect([UInt8(expected & 0xFF), UInt8(expected >> 8)] == Array(vector.bytes.suffix(2)))
    }
}

@Suite("Stuffing and fast-reply vectors")
struct StuffingVectorTests {
    struct StuffingFile: Decodable {
        struct Pair: Decodable {
            let name: String
            let unstuffed: String
            let stuffed: String
        }
        struct Lenient: Decodable {
            let name: String
            let input: String
            let output: String
        }
        let pairs: [Pair]
        let lenient: [Lenient]
    }

    struct FastFile: Decodable {
        struct Expect: Decodable {
            let id: UInt8
            let length: Int
            let result: String
            let data: String?
        }
        struct Reply: Decodable {
            let name: String
            let hex: String
            let expect: [Expect]
        }
        let replies: [Reply]
    }

    @Test func stuffingPairs() throws {
        let file = try JSONDecoder().decode(StuffingFile.self, from: VectorFiles.data("stuffing.json"))
        #expect(file.pairs.count >= 10)
        for pair in file.pairs {
            let plain = VectorFiles.bytes(hex: pair.unstuffed)
            let stuffed = VectorFiles.bytes(hex: pair.stuffed)
            #expect(ByteStuffing.stuff(plain) == stuffed, "\(pair.name)")
            #expect(ByteStuffing.unstuff(stuffed) == plain, "\(pair.name)")
            #expect(ByteStuffing.needsStuffing(plain) == (plain != stuffed), "\(pair.name)")
        }
        for lenient in file.lenient {
            #expect(
                ByteStuffing.unstuff(VectorFiles.bytes(hex: lenient.input)) == VectorFiles.bytes(hex: lenient.output))
        }
    }

    @Test func fastRepliesAsTheyArrive() throws {
        let file = try JSONDecoder().decode(FastFile.self, from: VectorFiles.data("fast-replies.json"))
        for reply in file.replies {
            let parsed = FastReadReply.parse(
                raw: VectorFiles.bytes(hex: reply.hex),
                expecting: reply.expect.map { FastReadReply.Expectation(id: $0.id, length: $0.length) })
            for expect in reply.expect {
                let result = parsed[expect.id]
                switch expect.result {
                case "ok":
                    #expect(
                        try result?.get().data == VectorFiles.bytes(hex: expect.data ?? ""),
                        "\(reply.name) \(expect.id)")
                case "noReply":
                    #expect(result == .failure(.noReply(id: expect.id)), "\(reply.name) \(expect.id)")
                case "corrupted":
                    #expect(result == .failure(.corrupted(id: expect.id)), "\(reply.name) \(expect.id)")
                default:
                    Issue.record("unknown result \(expect.result)")
                }
            }
        }
    }
}
