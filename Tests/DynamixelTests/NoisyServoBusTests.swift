import Synchronization
import Testing

@testable import Dynamixel

/// A scripted peer on a fixed clock (`TransportClock` reads zero, so every wait is the full timeout asked for):
/// `reply` makes the bytes answering each request, by how many requests came before; reads record their timeouts.
private final class ScriptedLink: ByteTransport, TransportClock, @unchecked Sendable {
    let name = "scripted"
    private let state = Mutex<(requests: [InstructionPacket], pending: [UInt8], timeouts: [Duration])>(([], [], []))
    private let reply: @Sendable (InstructionPacket, Int) -> [UInt8]

    init(reply: @escaping @Sendable (InstructionPacket, Int) -> [UInt8]) { self.reply = reply }

    var transportNow: Duration { .zero }
    var requests: [InstructionPacket] { state.withLock { $0.requests } }
    var timeouts: [Duration] { state.withLock { $0.timeouts } }

    func write(_ bytes: [UInt8]) throws(TransportError) {
        var decoder = PacketDecoder()
        decoder.append(bytes)
        guard case .success(.instruction(let packet))? = decoder.next() else { return }
        state.withLock { state in
            state.pending += reply(packet, state.requests.count)
            state.requests.append(packet)
        }
    }

    func read(maxCount: Int, timeout: Duration) throws(TransportError) -> [UInt8] {
        state.withLock { state in
            state.timeouts.append(timeout)
            defer { state.pending = [] }
            return state.pending
        }
    }

    func flushInput() throws(TransportError) { state.withLock { $0.pending = [] } }
    func close() {}
}

private func status(_ id: UInt8, _ data: [UInt8]) -> [UInt8] {
    StatusPacket(id: id, error: .ok, parameters: data).encoded()
}

/// Noise on the wire (issue 13): damaged replies are retried longer than silence, a reply cut short is given up
/// quickly, good replies behind a damaged one are kept, and what fails is named noise, not absence.
@Suite("ServoBus on a noisy link")
struct NoisyServoBusTests {
    static let ping: [UInt8] = [0xB0, 0x04, 52]

    @Test("replies cut short are asked again past `retries`, and the failure says corrupted, not absent")
    func damagedRepliesGetMoreAttempts() throws {
        // The first six replies each lose their last byte; the seventh arrives whole.
        let link = ScriptedLink { packet, index in
            let whole = status(packet.id, NoisyServoBusTests.ping)
            return index < 6 ? Array(whole.dropLast()) : whole
        }
        let bus = ServoBus(transport: link, configuration: ServoBusConfiguration(retries: 3))
        #expect(try bus.ping(7).modelNumber == 1200)
        #expect(link.requests.count == 7)
        #expect(bus.statistics.noisyAttempts == 6)

        let broken = ScriptedLink { packet, _ in Array(status(packet.id, NoisyServoBusTests.ping).dropLast()) }
        let noisyBus = ServoBus(transport: broken, configuration: ServoBusConfiguration(retries: 3, noiseRetries: 4))
        #expect(throws: ServoBusError.corrupted(id: 7)) { try noisyBus.ping(7) }
        #expect(broken.requests.count == 8)
        #expect(ServoBusError.corrupted(id: 7).description.contains("check the cable and connectors"))

        let silent = ScriptedLink { _, _ in [] }
        let silentBus = ServoBus(transport: silent, configuration: ServoBusConfiguration(retries: 3, noiseRetries: 4))
        #expect(throws: ServoBusError.noReply(id: 7)) { try silentBus.ping(7) }
        #expect(silent.requests.count == 4)
    }

    @Test("a reply cut short is given up after the inter-byte timeout, not the whole reply time")
    func truncatedReplyEndsQuickly() throws {
        let link = ScriptedLink { packet, _ in Array(status(packet.id, [1, 2, 3, 4]).dropLast(3)) }
        let configuration = ServoBusConfiguration(retries: 0, noiseRetries: 0)
        let bus = ServoBus(transport: link, configuration: configuration)
        #expect(throws: ServoBusError.corrupted(id: 4)) { try bus.read(id: 4, address: 132, length: 4) }
        // First read: the reply's bytes; second: the wait for the rest, capped by the inter-byte timeout.
        let waits = link.timeouts
        #expect(waits.count == 2)
        #expect(waits.last == configuration.interByteTimeout)
    }

    @Test("a good reply swallowed by a damaged one is still delivered, and only the damaged motor is asked again")
    func swallowedReplyIsRecovered() throws {
        let link = ScriptedLink { packet, index in
            guard case .success(.syncRead(_, _, let ids)) = packet.request() else { return [] }
            var bytes: [UInt8] = []
            for id in ids {
                var reply = status(id, [id, 0, 0, 0])
                if index == 0, id == 1 { reply[6] = 0x01 }  // LEN's high byte flipped: it claims 264 bytes
                bytes += reply
            }
            return bytes
        }
        let bus = ServoBus(transport: link, configuration: ServoBusConfiguration(retries: 3))
        let results = try bus.syncRead(address: 132, length: 4, ids: [1, 2])
        #expect((try? results[1]?.get()) == [1, 0, 0, 0])
        #expect((try? results[2]?.get()) == [2, 0, 0, 0])
        let asked = link.requests.map { packet -> [UInt8] in
            if case .success(.syncRead(_, _, let ids)) = packet.request() { return ids }
            return []
        }
        #expect(asked == [[1, 2], [1]])
    }
}
