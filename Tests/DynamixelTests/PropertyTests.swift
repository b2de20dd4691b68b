import Testing

@testable import Dynamixel

/// The CRC computed bit by bit, as the e-manual describes it (independent of the table).
private func bitwiseCRC(_ bytes: [UInt8]) -> UInt16 {
    var crc: UInt16 = 0
    for byte in bytes {
        crc ^= UInt16(byte) << 8
        for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x8005 : crc << 1 }
    }
    return crc
}

/// Everything a decoder yields for `chunks`, fed one chunk at a time.
private func decodeAll(_ chunks: [[UInt8]]) -> [Result<Packet, DecodeError>] {
    var decoder = PacketDecoder()
    var results: [Result<Packet, DecodeError>] = []
    for chunk in chunks {
        decoder.append(chunk)
        while let result = decoder.next() { results.append(result) }
    }
    return results
}

private func successes(_ results: [Result<Packet, DecodeError>]) -> [Packet] {
    results.compactMap { try? $0.get() }
}

@Suite("Properties (seeded)")
struct PropertyTests {
    @Test func unstuffInvertsStuff() {
        var random = SeededRandom(seed: 0x5EED_0001)
        for _ in 0..<5000 {
            let body = random.biasedBytes(count: Int.random(in: 0...48, using: &random))
            let stuffed = ByteStuffing.stuff(body)
            #expect(ByteStuffing.unstuff(stuffed) == body, "body \(body)")
            #expect(stuffed.count >= body.count)
        }
    }

    @Test func stuffedBodiesNeverHoldABareRun() {
        var random = SeededRandom(seed: 0x5EED_0002)
        for _ in 0..<5000 {
            let stuffed = ByteStuffing.stuff(random.biasedBytes(count: Int.random(in: 0...48, using: &random)))
            // Every FF FF FD is followed by FD, so a header FF FF FD 00 can never appear inside a body.
            var index = 0
            while index + 2 < stuffed.count {
                if stuffed[index] == 0xFF, stuffed[index + 1] == 0xFF, stuffed[index + 2] == 0xFD {
                    #expect(index + 3 < stuffed.count && stuffed[index + 3] == 0xFD, "stuffed \(stuffed)")
                    index += 4
                } else {
                    index += 1
                }
            }
        }
    }

    @Test func tableCRCEqualsBitwiseCRC() {
        // Entry k is the bitwise CRC of the single byte k.
        for index in 0..<256 { #expect(CRC16.table[index] == bitwiseCRC([UInt8(index)])) }
        var random = SeededRandom(seed: 0x5EED_0003)
        for _ in 0..<2000 {
            let message = random.biasedBytes(count: Int.random(in: 0...64, using: &random))
            #expect(CRC16.checksum(message) == bitwiseCRC(message))
        }
        #expect(bitwiseCRC(Array("123456789".utf8)) == 0xFEE8)
    }

    @Test func splitAndConcatenatedPacketsDecodeInOrder() {
        var random = SeededRandom(seed: 0x5EED_0004)
        for _ in 0..<300 {
            let packets = (0..<Int.random(in: 1...6, using: &random)).map { _ in random.packet() }
            var stream = packets.flatMap { $0.encoded() }
            var chunks: [[UInt8]] = []
            while !stream.isEmpty {
                let size = min(stream.count, Int.random(in: 1...9, using: &random))
                chunks.append(Array(stream.prefix(size)))
                stream.removeFirst(size)
            }
            let results = decodeAll(chunks)
            #expect(successes(results) == packets)
            #expect(results.count == packets.count)  // no spurious errors
        }
    }

    @Test func corruptedPacketIsReportedAndTheNextOneRecovered() {
        var random = SeededRandom(seed: 0x5EED_0005)
        var reported = 0
        for _ in 0..<250 {
            var bad = random.packet().encoded()
            let good = random.packet()
            let position = Int.random(in: 0..<bad.count, using: &random)
            bad[position] ^= UInt8.random(in: 1...255, using: &random)
            // Filler lets a corrupted LEN that claims more bytes run out and fail its CRC.
            let results = decodeAll([bad, good.encoded(), [UInt8](repeating: 0, count: 4200)])
            #expect(successes(results) == [good], "flip at \(position) of \(bad)")
            let headerIntact = Array(bad.prefix(4)) == PacketFraming.header && bad[4] != 0xFF && bad[4] != 0xFD
            if headerIntact {
                #expect(results.contains { if case .failure = $0 { true } else { false } }, "flip at \(position)")
                reported += 1
            }
        }
        #expect(reported > 150)
    }

    @Test func truncatedPacketDoesNotHideTheNextOne() {
        var random = SeededRandom(seed: 0x5EED_0006)
        for _ in 0..<250 {
            let full = random.packet().encoded()
            let good = random.packet()
            let cut = Array(full.prefix(Int.random(in: 1..<full.count, using: &random)))
            let results = decodeAll([cut, good.encoded(), [UInt8](repeating: 0, count: 4200)])
            #expect(successes(results) == [good], "cut \(cut)")
        }
    }

    @Test func garbageNeverCrashesAndTheDecoderRecovers() {
        var random = SeededRandom(seed: 0x5EED_0007)
        for _ in 0..<500 {
            var garbage = random.biasedBytes(count: Int.random(in: 0...200, using: &random))
            // Keep only garbage without a complete header, which could legitimately claim the bytes that follow.
            while let index = firstHeader(in: garbage) { garbage.remove(at: index + 3) }
            let good = random.packet()
            let results = decodeAll([garbage, good.encoded()])
            #expect(successes(results) == [good])
        }
        // Unfiltered garbage (headers included), split anywhere: the decoder must only terminate.
        for _ in 0..<300 {
            let garbage = random.biasedBytes(count: Int.random(in: 0...300, using: &random))
            let split = Int.random(in: 0...garbage.count, using: &random)
            let results = decodeAll([Array(garbage[..<split]), Array(garbage[split...])])
            #expect(results.count <= garbage.count)
        }
    }

    private func firstHeader(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == PacketFraming.header }
    }

    @Test func fastReplyParsingSurvivesAnyCut() {
        var random = SeededRandom(seed: 0x5EED_0008)
        for _ in 0..<300 {
            let blocks = (0..<Int.random(in: 1...9, using: &random)).map { index in
                FastReadReply.Block(id: UInt8(10 + index), data: random.biasedBytes(count: 4))
            }
            let bytes = FastReadReply.encode(blocks)
            let cut = Int.random(in: 0...bytes.count, using: &random)
            let parsed = FastReadReply.parse(
                raw: Array(bytes.prefix(cut)), expecting: blocks.map { .init(id: $0.id, length: 4) })
            // Exactly the blocks that arrived whole are delivered, in order; the rest are missing.
            var end = 8
            for block in blocks {
                end += 8
                if end <= cut {
                    #expect(parsed[block.id] == .success(block))
                } else {
                    #expect(parsed[block.id] == .failure(.noReply(id: block.id)))
                }
            }
        }
    }
}
