import Dynamixel
import Foundation
import ReachyTestSupport
import Testing

@testable import ReachySimulator

/// The simulator on a real pseudo-terminal, talked to by a plain termios client.
@Suite(.serialized) struct PtyServerTests {
    @Test func termiosClientScansReadsAndWrites() throws {
        let robot = VirtualReachyMini(clock: MonotonicClock(), interByteTimeout: PtySimulatorServer.interByteTimeout)
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("reachy-sim-test-\(getpid())").path
        let server = try PtySimulatorServer(bus: robot.bus, linkPath: link)
        server.start()
        defer { server.stop() }
        #expect(server.devicePath.hasPrefix("/dev/pts/"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == server.devicePath)
        let client = try RawTermiosClient(path: link)
        defer { client.close() }
        let host = TestHost(transport: client)
        let pings = try host.transact(InstructionPacket(id: 0xFE, request: .ping), timeout: .seconds(2), expecting: 9)
        #expect(pings.map(\.id) == Array(10...18))
        #expect(
            try host.transact(
                InstructionPacket(id: 13, request: .write(address: 65, data: [1])), timeout: .seconds(2), expecting: 1
            ).first?.error == .ok)
        let led = try host.transact(
            InstructionPacket(id: 13, request: .read(address: 65, length: 1)), timeout: .seconds(2), expecting: 1)
        #expect(led.first?.parameters == [1])
        let positions = try host.transact(
            InstructionPacket(id: 0xFE, request: .syncRead(address: 132, length: 4, ids: Array(10...18))),
            timeout: .seconds(2), expecting: 9)
        #expect(positions.map(\.parameters) == Array(repeating: le(2048, 4), count: 9))
        server.stop()
        #expect(!FileManager.default.fileExists(atPath: link))
    }

    @Test func unplugClosesThePty() throws {
        var faults = SimulatorFaults()
        faults.unplugAfter = .milliseconds(300)
        let robot = VirtualReachyMini(clock: MonotonicClock(), faults: faults)
        let server = try PtySimulatorServer(bus: robot.bus)
        server.start()
        defer { server.stop() }
        let client = try RawTermiosClient(path: server.devicePath)
        defer { client.close() }
        let host = TestHost(transport: client)
        #expect(
            try host.transact(InstructionPacket(id: 10, request: .ping), timeout: .seconds(2), expecting: 1).count == 1)
        // After the unplug the client's reads fail instead of timing out forever.
        var failure: TransportError?
        let deadline = ContinuousClock.now + .seconds(5)
        while failure == nil && ContinuousClock.now < deadline {
            do {
                try client.write(InstructionPacket(id: 10, request: .ping).encoded())
                _ = try client.read(maxCount: 64, timeout: .milliseconds(100))
            } catch {
                failure = error
            }
        }
        guard case .disconnected? = failure else {
            Issue.record("expected a disconnection, got \(String(describing: failure))")
            return
        }
    }

    @Test func threadedInMemoryLinkServesTheBus() throws {
        let robot = VirtualReachyMini(clock: MonotonicClock())
        let transport = robot.makeThreadedTransport()
        defer { transport.close() }
        let host = TestHost(transport: transport)
        let replies = try host.transact(
            InstructionPacket(id: 0xFE, request: .fastSyncRead(address: 132, length: 4, ids: [10, 18])),
            timeout: .seconds(2), expecting: 1)
        let blocks = try #require(replies.first).parameters
        // After the first ERR byte (the packet's error field): ID data CRC for motor 10, then ERR ID data for 18
        // (whose CRC is the packet's).
        #expect(blocks.count == 13)
        #expect(Array(blocks[0..<5]) == [10] + le(2048, 4))
        #expect(Array(blocks[7..<13]) == [0, 18] + le(2048, 4))
    }
}
