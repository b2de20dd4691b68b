import Dynamixel
import Foundation
import Testing

@testable import ReachySimulator

/// Reply bytes checked against packets published in the ROBOTIS e-manual and captured from peer libraries
/// (dynamixel.md §1.3, §1.7) — bytes nobody here computed.
@Suite struct WireVectorTests {
    /// A bus with XL330-M288 servos at `positions` (ID → present position), return delay 0, 1 Mbps.
    func bus(_ positions: [(UInt8, Int32)]) -> (VirtualBus, TestHost) {
        let servos = positions.map { id, position -> VirtualServo in
            var servo = VirtualServo(model: .xl330M288, id: id, presentPosition: position)
            servo.poke(address: 8, bytes: [3])
            return servo
        }
        let bus = VirtualBus(servos: servos)
        let transport = LoopbackTransport { bytes throws(TransportError) in try bus.receive(bytes).bytes }
        return (bus, TestHost(transport: transport))
    }

    @Test func fastSyncReadReplyMatchesTheEmanualExample() throws {
        let (_, host) = bus([(3, 166), (7, 2079), (4, 1023)])
        let reply = try host.raw(hex("FF FF FD 00 FE 0A 00 8A 84 00 04 00 03 07 04 20 F2"))
        #expect(
            reply
                == hex(
                    "FF FF FD 00 FE 19 00 55 00 03 A6 00 00 00 84 08 00 07 1F 08 00 00 16 CA 00 04 FF 03 00 00 D1 9E"))
    }

    @Test func syncReadAnswersEachIDInTheListedOrder() throws {
        let (_, host) = bus([(1, 166), (2, 2079)])
        let reply = try host.raw(
            hex("FF FF FD 00 FE 09 00 82 84 00 04 00 02 01 CE FA".replacingOccurrences(of: "CE FA", with: "00 00")))
        #expect(reply.isEmpty)  // bad CRC on a broadcast: no one answers
        let good = InstructionPacket(id: 0xFE, request: .syncRead(address: 132, length: 4, ids: [2, 1])).encoded()
        let statuses = try host.raw(good)
        #expect(
            statuses == hex("FF FF FD 00 02 08 00 55 00 1F 08 00 00 BA BE")
                + hex("FF FF FD 00 01 08 00 55 00 A6 00 00 00 8C C0"))
    }

    @Test func readPingAndAccessErrorMatchCapturedBytes() throws {
        let (_, host) = bus([(1, 166)])
        #expect(
            try host.raw(hex("FF FF FD 00 01 07 00 02 84 00 04 00 1D 15"))
                == hex("FF FF FD 00 01 08 00 55 00 A6 00 00 00 8C C0"))
        #expect(try host.raw(hex("FF FF FD 00 01 03 00 01 19 4E")) == hex("FF FF FD 00 01 07 00 55 00 B0 04 34 B2 D4"))
        let undefined = InstructionPacket(id: 1, request: .read(address: 14, length: 1)).encoded()
        #expect(try host.raw(undefined) == hex("FF FF FD 00 01 04 00 55 07 B0 8C"))
        #expect(
            try host.raw(hex("FF FF FD 00 01 09 00 03 74 00 00 02 00 00 CA 89"))
                == hex("FF FF FD 00 01 04 00 55 00 A1 0C"))
    }

    @Test func presentPositionThatNeedsStuffingIsStuffed() throws {
        let (bus, host) = bus([(3, 0)])
        // Raw 0xFDFFFF00 = −33,554,688 pulses: turn the horn there by hand.
        bus.setHandPosition(id: 3, Int64(Int32(bitPattern: 0xFDFF_FF00)))
        let reply = try host.raw(InstructionPacket(id: 3, request: .read(address: 132, length: 4)).encoded())
        #expect(reply == hex("FF FF FD 00 03 09 00 55 00 00 FF FF FD FD FD F6"))
    }

    @Test func stuffedInstructionIsUnderstood() throws {
        let (bus, host) = bus([(3, 0)])
        bus.withServo(3) { $0.poke(address: 11, bytes: [16]) }  // PWM mode: Goal Position is not limit-checked.
        let reply = try host.raw(hex("FF FF FD 00 03 0A 00 03 74 00 00 FF FF FD FD AC 67"))
        var decoder = PacketDecoder()
        decoder.append(reply)
        guard case .success(.status(let status))? = decoder.next() else {
            Issue.record("no status for the stuffed write")
            return
        }
        #expect(status == StatusPacket(id: 3, error: .ok))
        #expect(bus.servo(3)?.goalPosition == Int32(bitPattern: 0xFDFF_FF00))
    }

    @Test func bytesInAnySplitGiveTheSameReply() throws {
        let (_, host) = bus([(1, 166)])
        let packet = hex("FF FF FD 00 01 07 00 02 84 00 04 00 1D 15")
        var reply: [UInt8] = []
        for byte in [0xAA, 0x55] + packet { reply += try host.raw([UInt8(byte)]) }
        #expect(reply == hex("FF FF FD 00 01 08 00 55 00 A6 00 00 00 8C C0"))
    }
}
