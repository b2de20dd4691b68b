import Dynamixel
import Testing

@testable import ReachySimulator

/// Faults on demand: reproducible, and never able to make a reply look like another motor's.
@Suite struct FaultTests {
    /// Distinct positions inside every motor's limits.
    static let positions: [UInt8: Int64] = [
        10: 1010, 11: 2011, 12: 2012, 13: 2013, 14: 2014, 15: 2015, 16: 2016, 17: 1017, 18: 3018,
    ]

    @Test func byteLossNeverMisassignsAReply() throws {
        var faults = SimulatorFaults()
        faults.byteLossRate = 0.05
        let (robot, clock, host) = makeRobot(seed: 42, faults: faults, interByteTimeout: .microseconds(1500))
        for (id, position) in Self.positions { robot.bus.setHandPosition(id: id, position) }
        let ids = Array(Self.positions.keys).sorted()
        var delivered = 0
        var retries = 0
        for _ in 0..<300 {
            var missing = Set(ids)
            var attempts = 0
            while !missing.isEmpty && attempts < 20 {
                attempts += 1
                clock.advance(by: .milliseconds(10))  // the host's timeout: a stale partial packet is dropped
                let replies = try host.request(
                    0xFE, .syncRead(address: Address.presentPosition, length: 4, ids: missing.sorted()))
                for reply in replies where reply.error.error == nil && reply.parameters.count == 4 {
                    // A reply that survived its CRC is the motor it names, with that motor's position.
                    #expect(signed(reply.parameters) == Self.positions[reply.id])
                    if missing.remove(reply.id) != nil { delivered += 1 }
                }
            }
            retries += attempts - 1
            #expect(missing.isEmpty)
        }
        #expect(delivered == 300 * 9)
        #expect(retries > 0)  // 5 % loss does cost retries
        #expect(robot.bus.statistics.bytesLost > 0)
    }

    @Test func sameSeedSameFaults() throws {
        func run(seed: UInt64) throws -> [[UInt8]] {
            var faults = SimulatorFaults()
            faults.byteLossRate = 0.05
            faults.crcCorruptionRate = 0.1
            let (_, _, host) = makeRobot(seed: seed, faults: faults)
            let packet = InstructionPacket(
                id: 0xFE, request: .syncRead(address: Address.presentPosition, length: 4, ids: Array(10...18)))
            return try (0..<50).map { _ in try host.raw(packet.encoded()) }
        }
        #expect(try run(seed: 7) == run(seed: 7))
        #expect(try run(seed: 7) != run(seed: 8))
    }

    @Test func crcCorruptionIsCaughtByTheHostDecoder() throws {
        var faults = SimulatorFaults()
        faults.crcCorruptionRate = 1
        let (_, _, host) = makeRobot(faults: faults)
        #expect(try host.request(10, .ping).isEmpty)
    }

    @Test func missingMotorDoesNotAnswer() throws {
        var faults = SimulatorFaults()
        faults.missingIDs = [14]
        let (robot, _, host) = makeRobot(faults: faults)
        #expect(try host.request(14, .ping).isEmpty)
        let replies = try host.request(
            0xFE, .syncRead(address: Address.presentPosition, length: 4, ids: Array(10...18)))
        #expect(replies.map(\.id) == [10, 11, 12, 13, 15, 16, 17, 18])
        // The fast reply is cut where motor 14 should have answered.
        let fast = try host.raw(
            InstructionPacket(id: 0xFE, request: .fastSyncRead(address: 132, length: 4, ids: [10, 11, 14, 15]))
                .encoded())
        let parsed = FastReadReply.parse(raw: fast, expecting: [10, 11, 14, 15].map { .init(id: $0, length: 4) })
        #expect((try? parsed[11]?.get().data) == le(2048, 4))
        #expect(parsed[14].map { if case .failure(.noReply) = $0 { true } else { false } } == true)
        robot.bus.setMissing(14, false)
        #expect(try host.request(14, .ping).count == 1)
    }

    @Test func corruptedInstructionToAKnownMotorGetsCRCError() throws {
        let (_, _, host) = makeRobot()
        var packet = InstructionPacket(id: 11, request: .read(address: 132, length: 4)).encoded()
        packet[packet.count - 1] ^= 0xFF
        let reply = try host.raw(packet)
        #expect(reply == StatusPacket(id: 11, error: StatusError(error: .crcError)).encoded())
        // A damaged broadcast or a packet naming nobody is ignored.
        var broadcast = InstructionPacket(id: 0xFE, request: .ping).encoded()
        broadcast[broadcast.count - 1] ^= 0xFF
        #expect(try host.raw(broadcast).isEmpty)
        #expect(try host.raw([0x00, 0x13, 0xFF, 0xFF, 0x42]).isEmpty)
    }

    @Test func broadcastRules() throws {
        let (_, _, host) = makeRobot()
        let pings = try host.request(0xFE, .ping)
        #expect(pings.map(\.id) == Array(10...18))
        #expect(pings.first?.parameters == [0xD8, 0x04, 52])  // 1240 = XC330-M288
        #expect(pings.last?.parameters == [0xA6, 0x04, 52])  // 1190 = XL330-M077
        #expect(try host.request(0xFE, .write(address: Address.led, data: [1])).isEmpty)
        for id in UInt8(10)...18 { #expect(try host.read(id, Address.led, size: 1)?.value == 1) }
        #expect(try host.request(0xFE, .read(address: 132, length: 4)).isEmpty)
    }

    @Test func unplugMakesTheTransportFail() throws {
        var faults = SimulatorFaults()
        faults.unplugAfter = .seconds(10)
        let (_, clock, host) = makeRobot(faults: faults)
        #expect(try host.request(10, .ping).count == 1)
        clock.advance(by: .seconds(10))
        #expect(throws: TransportError.disconnected(name: "simulator", reason: "the simulated robot was unplugged")) {
            try host.transport.write(InstructionPacket(id: 10, request: .ping).encoded())
        }
    }

    @Test func faultFlagsParseAndExplainMistakes() throws {
        let faults = try SimulatorFaults.parse([
            "byte-loss=5%", "crc=0.01", "latency=5ms", "missing=14", "missing=16", "overload=12", "supply=4.2V",
            "unplug-after=10s",
        ])
        #expect(faults.byteLossRate == 0.05)
        #expect(faults.crcCorruptionRate == 0.01)
        #expect(faults.latency == .milliseconds(5))
        #expect(faults.missingIDs == [14, 16])
        #expect(faults.overloadIDs == [12])
        #expect(faults.supplyVoltage == 4.2)
        #expect(faults.unplugAfter == .seconds(10))
        #expect(throws: SimulatorFaultError.badValue(.byteLoss, "1.5", FaultKind.byteLoss.expected)) {
            try SimulatorFaults.parse(["byte-loss=1.5"])
        }
        #expect(throws: SimulatorFaultError.unknownFault("jitter")) { try SimulatorFaults.parse(["jitter=1ms"]) }
        #expect(throws: SimulatorFaultError.malformed("missing")) { try SimulatorFaults.parse(["missing"]) }
        #expect(throws: SimulatorFaultError.badValue(.missing, "300", FaultKind.missing.expected)) {
            try SimulatorFaults.parse(["missing=300"])
        }
        #expect(
            SimulatorFaultError.badValue(.latency, "5", FaultKind.latency.expected).description
                == "Fault latency: '5' is not valid; expected a duration up to 1s with a unit ms, us or s (e.g. latency=5ms)."
        )
    }
}
