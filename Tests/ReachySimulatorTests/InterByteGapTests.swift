import Dynamixel
import Testing

@testable import ReachySimulator

/// The protocol's inter-byte rule: a packet whose bytes stop arriving for longer than the timeout is dropped.
@Suite struct InterByteGapTests {
    @Test func stalePartialPacketIsDroppedWhenTheGapIsTooLong() throws {
        let (_, clock, host) = makeRobot(interByteTimeout: .microseconds(1500))
        let ping = InstructionPacket(id: 10, request: .ping).encoded()
        // First half, a 2 ms pause, then a whole new ping: only the new ping is answered.
        #expect(try host.raw(Array(ping.prefix(6))).isEmpty)
        clock.advance(by: .milliseconds(2))
        let reply = try host.raw(ping)
        #expect(reply.count == 14)
        // Within the timeout, the halves join into one packet.
        #expect(try host.raw(Array(ping.prefix(6))).isEmpty)
        clock.advance(by: .milliseconds(1))
        #expect(try host.raw(Array(ping.dropFirst(6))) == reply)
    }

    @Test func withoutTheRuleATruncatedPacketSwallowsTheNextOne() throws {
        let (_, _, host) = makeRobot()
        let ping = InstructionPacket(id: 10, request: .ping).encoded()
        #expect(try host.raw(Array(ping.prefix(6))).isEmpty)
        // The stale start plus the new ping fail the CRC; the decoder resynchronises on the new header.
        #expect(try host.raw(ping).count == 14)
    }
}
