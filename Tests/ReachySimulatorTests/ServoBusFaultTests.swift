import Dynamixel
import Testing

@testable import ReachySimulator

/// The project's host driver (`ServoBus`) against a lossy simulated bus: it reports and retries, and a value it
/// delivers always belongs to the motor it is delivered for.
@Suite struct ServoBusFaultTests {
    static let positions = FaultTests.positions
    static let ids = Array(UInt8(10)...18)

    func lossyBus(seed: UInt64, rate: Double = 0.05) -> (VirtualReachyMini, VirtualClock, ServoBus) {
        var faults = SimulatorFaults()
        faults.byteLossRate = rate
        let (robot, clock, _) = makeRobot(seed: seed, faults: faults, interByteTimeout: .microseconds(1500))
        for (id, position) in Self.positions { robot.bus.setHandPosition(id: id, position) }
        return (robot, clock, ServoBus(transport: robot.makeTransport()))
    }

    @Test func syncReadRetriesAndNeverMisassigns() throws {
        let (robot, clock, bus) = lossyBus(seed: 11)
        var delivered = 0
        var reported = 0
        for _ in 0..<200 {
            clock.advance(by: .milliseconds(20))
            for (id, result) in try bus.syncRead(address: 132, length: 4, ids: Self.ids) {
                switch result {
                case .success(let bytes):
                    #expect(signed(bytes) == Self.positions[id], "motor \(id) got another motor's value")
                    delivered += 1
                case .failure(let error):
                    #expect(error.id == id)
                    reported += 1
                }
            }
        }
        #expect(delivered + reported == 200 * 9)
        #expect(bus.statistics.retries > 0)
        #expect(bus.statistics.crcErrors + bus.statistics.timeouts + bus.statistics.framingErrors > 0)
        #expect(delivered > 200 * 9 * 9 / 10)  // retries recover nearly everything at 5 % loss
        #expect(robot.bus.statistics.bytesLost > 0)
    }

    @Test func fastSyncReadAndSingleReadsNeverMisassign() throws {
        let (_, clock, bus) = lossyBus(seed: 12)
        var delivered = 0
        for round in 0..<100 {
            clock.advance(by: .milliseconds(20))
            for (id, result) in try bus.fastSyncRead(address: 132, length: 4, ids: Self.ids) {
                if case .success(let bytes) = result {
                    #expect(signed(bytes) == Self.positions[id])
                    delivered += 1
                }
            }
            let id = Self.ids[round % 9]
            do {
                let bytes = try bus.read(id: id, address: 132, length: 4)
                #expect(signed(bytes) == Self.positions[id])
            } catch {
                #expect(error.id == id)
            }
        }
        #expect(delivered > 0)
        #expect(bus.statistics.retries > 0)
    }

    @Test func missingMotorIsReportedByID() throws {
        var faults = SimulatorFaults()
        faults.missingIDs = [14]
        let robot = VirtualReachyMini(faults: faults)
        let bus = ServoBus(transport: robot.makeTransport())
        let results = try bus.syncRead(address: 132, length: 4, ids: Self.ids)
        for id in Self.ids where id != 14 { #expect((try? results[id]?.get()) == le(2048, 4)) }
        guard case .failure(.noReply(id: 14))? = results[14] else {
            Issue.record("motor 14 should be reported as not answering, got \(String(describing: results[14]))")
            return
        }
    }
}
