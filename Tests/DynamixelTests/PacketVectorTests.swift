import Testing

@testable import Dynamixel

@Suite("Packet vectors")
struct PacketVectorTests {
    @Test("every verified packet decodes to one packet and re-encodes byte for byte", arguments: try PacketVector.all())
    func roundTrip(vector: PacketVector) throws {
        var decoder = PacketDecoder()
        decoder.append(vector.bytes)
        let next = decoder.next()
        let packet = try #require(next).get()
        #expect(packet.encoded() == vector.bytes)
        #expect(decoder.next() == nil)
        #expect(decoder.skippedByteCount == 0)
    }

    @Test func crcCheckValue() {
        #expect(CRC16.checksum(Array("123456789".utf8)) == 0xFEE8)
        #expect(CRC16.table[1] == 0x8005 && CRC16.table[2] == 0x800F && CRC16.table[255] == 0x0202)
    }
}
