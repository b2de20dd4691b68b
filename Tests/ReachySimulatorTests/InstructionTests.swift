import Dynamixel
import Testing

@testable import ReachySimulator

/// Less common instructions: Bulk Read/Write, Fast Bulk Read, Clear, Control Table Backup, indirect addressing,
/// unknown instructions.
@Suite struct InstructionTests {
    @Test func bulkReadAndWriteAddressEachMotorSeparately() throws {
        let (robot, _, host) = makeRobot()
        robot.bus.setHandPosition(id: 12, 2222)
        #expect(
            try host.request(
                0xFE,
                .bulkWrite([
                    BulkWriteEntry(id: 10, address: Address.led, data: [1]),
                    BulkWriteEntry(id: 11, address: Address.goalPosition, data: le(2500, 4)),
                ])
            ).isEmpty)
        let replies = try host.request(
            0xFE,
            .bulkRead([
                BulkReadEntry(id: 12, address: Address.presentPosition, length: 4),
                BulkReadEntry(id: 10, address: Address.led, length: 1),
                BulkReadEntry(id: 11, address: Address.goalPosition, length: 4),
            ]))
        #expect(replies.map(\.id) == [12, 10, 11])
        #expect(replies.map(\.parameters) == [le(2222, 4), [1], le(2500, 4)])
        let fast = try host.raw(
            InstructionPacket(
                id: 0xFE,
                request: .fastBulkRead([
                    BulkReadEntry(id: 12, address: Address.presentPosition, length: 4),
                    BulkReadEntry(id: 10, address: Address.presentInputVoltage, length: 2),
                ])
            ).encoded())
        let parsed = FastReadReply.parse(raw: fast, expecting: [.init(id: 12, length: 4), .init(id: 10, length: 2)])
        #expect((try? parsed[12]?.get().data) == le(2222, 4))
        #expect((try? parsed[10]?.get().data) == le(50, 2))
    }

    @Test func clearBringsAMultiTurnPositionBackWithinOneTurn() throws {
        let (robot, _, host) = makeRobot()
        #expect(try host.write(17, Address.operatingMode, 4, size: 1)?.error == .ok)
        robot.bus.setHandPosition(id: 17, 3 * 4096 + 100)
        #expect(try host.request(17, .clear).first?.error == .ok)
        #expect(try host.read(17, Address.presentPosition, size: 4)?.value == 100)
    }

    @Test func controlTableBackupStoresAndRestores() throws {
        let (_, _, host) = makeRobot()
        #expect(try host.request(13, .controlTableBackup(.restore)).first?.error.error == .resultFail)
        #expect(try host.request(13, .controlTableBackup(.store)).first?.error == .ok)
        #expect(try host.read(13, 147, size: 1)?.value == 1)
        #expect(try host.write(13, Address.returnDelay, 99, size: 1)?.error == .ok)
        #expect(try host.request(13, .controlTableBackup(.restore)).first?.error == .ok)
        #expect(try host.read(13, Address.returnDelay, size: 1)?.value == 0)
        #expect(try host.write(13, Address.torqueEnable, 1, size: 1)?.error == .ok)
        #expect(try host.request(13, .controlTableBackup(.store)).first?.error.error == .accessError)
    }

    @Test func indirectDataReadsTheByteItsAddressNames() throws {
        let (robot, _, host) = makeRobot()
        robot.bus.setHandPosition(id: 10, 0x0304)
        // Indirect Address 1 and 2 → Present Position bytes 0 and 1.
        #expect(try host.request(10, .write(address: 168, data: le(132, 2) + le(133, 2))).first?.error == .ok)
        #expect(try host.request(10, .read(address: 208, length: 2)).first?.parameters == [0x04, 0x03])
        // Indirect Address 3 → LED: writing Indirect Data 3 lights it.
        #expect(try host.request(10, .write(address: 172, data: le(65, 2))).first?.error == .ok)
        #expect(try host.request(10, .write(address: 210, data: [1])).first?.error == .ok)
        #expect(try host.read(10, Address.led, size: 1)?.value == 1)
    }

    @Test func unknownInstructionIsAnInstructionError() throws {
        let (_, _, host) = makeRobot()
        let replies = try host.transact(InstructionPacket(id: 11, instruction: Instruction(rawValue: 0x77)))
        #expect(replies.first?.error.error == .instructionError)
        #expect(try host.transact(InstructionPacket(id: 0xFE, instruction: Instruction(rawValue: 0x77))).isEmpty)
    }

    @Test func startupConfigurationTurnsTorqueOnAfterReboot() throws {
        let (_, _, host) = makeRobot()
        #expect(try host.write(14, 60, 1, size: 1)?.error == .ok)
        #expect(try host.request(14, .reboot).first?.error == .ok)
        #expect(try host.read(14, Address.torqueEnable, size: 1)?.value == 1)
    }
}
