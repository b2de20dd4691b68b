import Dynamixel
import Testing

@testable import ReachySimulator

/// The access, length and range rules of the X330 control table, exercised over the wire.
@Suite struct ControlTableRuleTests {
    @Test func factoryConfigurationMatchesTheReachyMiniTable() throws {
        let (_, _, host) = makeRobot()
        // (id, model, homing offset, min, max, P) from reachy_mini.md §1.1.
        let expected: [(UInt8, Int64, Int64, Int64, Int64, Int64)] = [
            (10, 1240, 0, 0, 4095, 200), (11, 1200, 1024, 1502, 2958, 300), (12, 1200, -1024, 1138, 2844, 300),
            (13, 1200, 1024, 1502, 2958, 300), (14, 1200, -1024, 1138, 2594, 300), (15, 1200, 1024, 1252, 2958, 300),
            (16, 1200, -1024, 1138, 2594, 300), (17, 1190, 0, 0, 4095, 200), (18, 1190, 0, 0, 4095, 200),
        ]
        for (id, model, offset, low, high, p) in expected {
            #expect(try host.read(id, Address.modelNumber, size: 2)?.value == model)
            #expect(try host.read(id, Address.firmware, size: 1)?.value == 52)
            #expect(try host.read(id, Address.baudRate, size: 1)?.value == 3)
            #expect(try host.read(id, Address.returnDelay, size: 1)?.value == 0)
            #expect(try host.read(id, Address.operatingMode, size: 1)?.value == 3)
            #expect(try host.read(id, Address.homingOffset, size: 4)?.value == offset)
            #expect(try host.read(id, Address.minPositionLimit, size: 4)?.value == low)
            #expect(try host.read(id, Address.maxPositionLimit, size: 4)?.value == high)
            #expect(try host.read(id, Address.shutdown, size: 1)?.value == 52)
            #expect(try host.read(id, Address.positionPGain, size: 2)?.value == p)
            #expect(try host.read(id, Address.presentInputVoltage, size: 2)?.value == 50)
            #expect(try host.read(id, Address.torqueEnable, size: 1)?.value == 0)
        }
    }

    @Test func eepromIsLockedWhileTorqueIsOn() throws {
        let (_, _, host) = makeRobot()
        #expect(try host.write(11, Address.returnDelay, 5, size: 1)?.error == .ok)
        #expect(try host.write(11, Address.torqueEnable, 1, size: 1)?.error == .ok)
        let locked = try host.write(11, Address.returnDelay, 7, size: 1)
        #expect(locked?.error.error == .accessError)
        #expect(try host.read(11, Address.returnDelay, size: 1)?.value == 5)
        #expect(try host.write(11, Address.torqueEnable, 0, size: 1)?.error == .ok)
        #expect(try host.write(11, Address.returnDelay, 7, size: 1)?.error == .ok)
        #expect(try host.read(11, Address.returnDelay, size: 1)?.value == 7)
    }

    @Test func readOnlyAndUndefinedAddressesAreAccessErrors() throws {
        let (_, _, host) = makeRobot()
        #expect(try host.write(10, Address.modelNumber, 1, size: 2)?.error.error == .accessError)
        #expect(try host.write(10, Address.presentPosition, 0, size: 4)?.error.error == .accessError)
        #expect(try host.write(10, Address.hardwareError, 0, size: 1)?.error.error == .accessError)
        #expect(try host.write(10, 14, 0, size: 1)?.error.error == .accessError)
        // A read of an undefined address answers Access Error with no data at all.
        let reply = try host.request(10, .read(address: 14, length: 1))
        #expect(reply.count == 1)
        #expect(reply.first?.error.error == .accessError)
        #expect(reply.first?.parameters == [])
        #expect(try host.request(10, .read(address: 226, length: 4)).first?.error.error == .accessError)
    }

    @Test func partialWriteOfAMultiByteRegisterIsADataLengthError() throws {
        let (_, _, host) = makeRobot()
        #expect(
            try host.request(10, .write(address: Address.goalPosition, data: [0x00, 0x08])).first?.error.error
                == .dataLengthError)
        #expect(
            try host.request(10, .write(address: Address.goalPosition + 1, data: [0x08, 0, 0])).first?.error.error
                == .dataLengthError)
        // The D, I, P gains written together in one 6-byte write (what the official daemon does) are fine.
        let gains = le(1, 2) + le(2, 2) + le(333, 2)
        #expect(try host.request(11, .write(address: Address.positionDGain, data: gains)).first?.error == .ok)
        #expect(try host.read(11, Address.positionPGain, size: 2)?.value == 333)
    }

    @Test func valuesOutsideRangesAndLimitsAreRefused() throws {
        let (_, _, host) = makeRobot()
        #expect(try host.write(10, Address.operatingMode, 2, size: 1)?.error.error == .dataRangeError)
        #expect(try host.write(10, Address.statusReturnLevel, 3, size: 1)?.error.error == .dataRangeError)
        #expect(try host.write(10, Address.id, 253, size: 1)?.error.error == .dataRangeError)
        // Stewart 1 is limited to 1502…2958: a goal outside is a Data Limit Error and is not applied.
        #expect(try host.write(11, Address.goalPosition, 1000, size: 4)?.error.error == .dataLimitError)
        #expect(try host.write(11, Address.goalPosition, 3000, size: 4)?.error.error == .dataLimitError)
        #expect(try host.read(11, Address.goalPosition, size: 4)?.value == 2048)
        #expect(try host.write(11, Address.goalPosition, 2958, size: 4)?.error == .ok)
        #expect(try host.write(11, Address.goalPWM, 900, size: 2)?.error.error == .dataLimitError)
    }

    @Test func statusReturnLevelGatesReplies() throws {
        let (_, _, host) = makeRobot()
        // The reply to this write already follows the new level: none.
        #expect(try host.write(12, Address.statusReturnLevel, 1, size: 1) == nil)
        // Level 1: writes are silent, reads and pings answer.
        #expect(try host.write(12, Address.goalPosition, 2100, size: 4) == nil)
        #expect(try host.read(12, Address.goalPosition, size: 4)?.value == 2100)
        #expect(try host.write(12, Address.statusReturnLevel, 0, size: 1) == nil)
        // Level 0: only Ping answers.
        #expect(try host.read(12, Address.goalPosition, size: 4) == nil)
        let sync = try host.request(0xFE, .syncRead(address: Address.presentPosition, length: 4, ids: [11, 12, 13]))
        #expect(sync.map(\.id) == [11, 13])
        let ping = try host.request(12, .ping)
        #expect(ping.first?.parameters == [0xB0, 0x04, 52])
    }

    @Test func regWriteWaitsForAction() throws {
        let (_, _, host) = makeRobot()
        #expect(try host.request(13, .regWrite(address: Address.goalPosition, data: le(2500, 4))).first?.error == .ok)
        #expect(try host.read(13, Address.registeredInstruction, size: 1)?.value == 1)
        #expect(try host.read(13, Address.goalPosition, size: 4)?.value == 2048)
        #expect(try host.request(13, .action).first?.error == .ok)
        #expect(try host.read(13, Address.goalPosition, size: 4)?.value == 2500)
        #expect(try host.read(13, Address.registeredInstruction, size: 1)?.value == 0)
        // Action with nothing registered is an Instruction Error.
        #expect(try host.request(13, .action).first?.error.error == .instructionError)
    }

    @Test func operatingModeChangeResetsTheProfile() throws {
        let (_, _, host) = makeRobot()
        #expect(try host.write(17, Address.profileVelocity, 100, size: 4)?.error == .ok)
        #expect(try host.write(17, Address.profileAcceleration, 20, size: 4)?.error == .ok)
        #expect(try host.write(17, Address.goalCurrent, 100, size: 2)?.error == .ok)
        #expect(try host.write(17, Address.operatingMode, 5, size: 1)?.error == .ok)
        #expect(try host.read(17, Address.profileVelocity, size: 4)?.value == 0)
        #expect(try host.read(17, Address.profileAcceleration, size: 4)?.value == 0)
        #expect(try host.read(17, Address.goalCurrent, size: 2)?.value == 1750)
    }

    @Test func homingOffsetAndReverseChangeTheReadingNotTheHorn() throws {
        let (robot, _, host) = makeRobot()
        robot.bus.setHandPosition(id: 10, 1000)
        #expect(try host.read(10, Address.presentPosition, size: 4)?.value == 1000)
        #expect(try host.write(10, Address.homingOffset, 500, size: 4)?.error == .ok)
        #expect(try host.read(10, Address.presentPosition, size: 4)?.value == 1500)
        #expect(try host.write(10, Address.driveMode, 1, size: 1)?.error == .ok)
        // Reverse: the angle is negated, then the offset is added: 500 − 1000.
        #expect(try host.read(10, Address.presentPosition, size: 4)?.value == -500)
    }

    @Test func factoryResetRestoresRobotisDefaults() throws {
        let (_, _, host) = makeRobot()
        #expect(try host.request(15, .factoryReset(.allButIDAndBaudRate)).first?.error == .ok)
        let delay = try host.read(15, Address.returnDelay, size: 1)
        #expect(delay?.value == 250)
        #expect(try host.read(15, Address.homingOffset, size: 4)?.value == 0)
        #expect(try host.read(15, Address.shutdown, size: 1)?.value == 53)
        #expect(try host.read(15, Address.maxPositionLimit, size: 4)?.value == 4095)
        // A full reset makes the servo ID 1 at 57600 bps: it no longer hears a 1 Mbps bus.
        #expect(try host.request(16, .factoryReset(.all)).first?.error == .ok)
        #expect(try host.request(16, .ping).isEmpty)
        #expect(try host.request(1, .ping).isEmpty)
    }
}
