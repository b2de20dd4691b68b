import Foundation
import Synchronization
import Testing

@testable import Dynamixel

@Suite("ServoBus over a threaded in-memory link")
struct ServoBusThreadingTests {
    /// Serves `servos` on the device end of an in-memory pair from its own thread until the link closes.
    private func serve(_ servos: TestServoBus, on device: InMemoryTransport) -> Thread {
        let thread = Thread {
            while true {
                guard let bytes = try? device.read(maxCount: 4096, timeout: .milliseconds(50)) else { return }
                if bytes.isEmpty { continue }
                let reply = servos.handle(bytes)
                if !reply.isEmpty { try? device.write(reply) }
            }
        }
        thread.start()
        return thread
    }

    @Test func concurrentCallersGetTheirOwnAnswers() throws {
        let (host, device) = InMemoryTransport.makePair()
        let servos = TestServoBus(ids: [1, 2, 3])
        for id: UInt8 in 1...3 { servos.poke(id, address: 116, Register.goalPosition.bytes(of: 100 * Int(id))) }
        _ = serve(servos, on: device)
        defer { host.close() }
        let bus = ServoBus(transport: host, configuration: .inProcess)
        let wrong = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 60) { index in
            let id = UInt8(index % 3 + 1)
            let value = try? bus.read(.goalPosition, from: id)
            let all = try? bus.syncRead(address: 116, length: 4, ids: [1, 2, 3])
            let goals = (1...3).map { try? all?[UInt8($0)]?.get() }
            if value != 100 * Int(id) || goals != (1...3).map({ Register.goalPosition.bytes(of: 100 * $0) }) {
                wrong.withLock { $0 += 1 }
            }
        }
        #expect(wrong.withLock { $0 } == 0)
        #expect(bus.statistics.transactions == 120)
    }

    @Test func missingServoOverARealTimeout() throws {
        let (host, device) = InMemoryTransport.makePair()
        let servos = TestServoBus(ids: [1])
        _ = serve(servos, on: device)
        defer { host.close() }
        let bus = ServoBus(
            transport: host, configuration: ServoBusConfiguration(latencyAllowance: .milliseconds(20), retries: 1))
        #expect(throws: ServoBusError.noReply(id: 9)) { try bus.ping(9) }
        #expect(try bus.ping(1).modelNumber == 1200)
        #expect(bus.statistics.timeouts >= 2)  // ping(9) waited out both attempts
    }

    @Test func closedLinkIsATransportError() {
        let (host, device) = InMemoryTransport.makePair()
        device.close()
        let bus = ServoBus(transport: host)
        #expect {
            try bus.ping(1)
        } throws: { error in
            guard case .transport = error as? ServoBusError else { return false }
            return true
        }
    }
}
