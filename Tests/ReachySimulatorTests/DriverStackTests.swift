import Dynamixel
import Foundation
import ReachyHardware
import Testing

@testable import ReachySimulator

/// The project's own driver stack (ReachyHardware's transport + ServoBus) against the pty simulator, as
/// `reachy` commands will use it.
@Suite(.serialized) struct DriverStackTests {
    @Test func servoBusOverTheProjectTransportDrivesThePty() throws {
        let robot = VirtualReachyMini(clock: MonotonicClock(), interByteTimeout: PtySimulatorServer.interByteTimeout)
        robot.bus.setHandPosition(id: 16, 1999)
        let server = try PtySimulatorServer(bus: robot.bus)
        server.start()
        defer { server.stop() }
        let transport = try openTransport(path: server.devicePath)
        defer { transport.close() }
        let bus = ServoBus(
            transport: transport, configuration: ServoBusConfiguration(latencyAllowance: .milliseconds(50)))
        let found = try bus.broadcastPing(timeout: .seconds(1))
        #expect(found.map(\.id) == Array(10...18))
        #expect(found.map(\.modelNumber) == [1240, 1200, 1200, 1200, 1200, 1200, 1200, 1190, 1190])
        let positions = try bus.fastSyncRead(address: 132, length: 4, ids: Array(10...18))
        #expect((try? positions[16]?.get()) == le(1999, 4))
        #expect((try? positions[10]?.get()) == le(2048, 4))
        try bus.write(id: 18, address: 64, data: [1])
        try bus.write(id: 18, address: 116, data: le(2148, 4))
        // The antenna moves in real time; wait (bounded) until it arrives.
        let deadline = ContinuousClock.now + .seconds(5)
        var present: [UInt8] = []
        while ContinuousClock.now < deadline {
            present = try bus.read(id: 18, address: 132, length: 4)
            if present == le(2148, 4) { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(present == le(2148, 4))
    }
}
