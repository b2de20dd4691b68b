import Dynamixel
import Testing

@testable import ReachySimulator

/// Hardware errors: alert bit, shutdown, and Reboot.
@Suite struct HardwareErrorTests {
    @Test func overloadRaisesAlertAndShutsDownUntilReboot() throws {
        var faults = SimulatorFaults()
        faults.overloadIDs = [12]
        let (_, _, host) = makeRobot(faults: faults)
        let status = try #require(try host.read(12, Address.hardwareError, size: 1))
        #expect(status.value == 0x20)
        #expect(status.error.alert)
        #expect(status.error.error == nil)
        // Every reply carries the alert, including errors and pings; other motors are clean.
        #expect(try host.request(12, .ping).first?.error.rawValue == 0x80)
        #expect(try host.write(12, 14, 0, size: 1)?.error.rawValue == 0x87)
        #expect(try host.request(13, .ping).first?.error.rawValue == 0x00)
        // Overload is in Shutdown (52): torque cannot be turned on.
        #expect(try host.write(12, Address.torqueEnable, 1, size: 1)?.error.error == .resultFail)
        #expect(try host.read(12, Address.torqueEnable, size: 1)?.value == 0)
        // Reboot clears it.
        #expect(try host.request(12, .reboot).first?.error.alert == true)
        let after = try #require(try host.read(12, Address.hardwareError, size: 1))
        #expect(after.value == 0)
        #expect(!after.error.alert)
        #expect(try host.write(12, Address.torqueEnable, 1, size: 1)?.error == .ok)
    }

    @Test func inputVoltageErrorIsNotAShutdownOnReachy() throws {
        var faults = SimulatorFaults()
        faults.voltageErrorIDs = [14]
        faults.supplyVoltage = 4.2
        let (_, _, host) = makeRobot(faults: faults)
        let status = try #require(try host.read(14, Address.hardwareError, size: 1))
        #expect(status.value == 0x01)
        #expect(try host.read(13, Address.presentInputVoltage, size: 2)?.value == 42)
        // Shutdown 52 excludes bit 0: torque still works.
        #expect(try host.write(14, Address.torqueEnable, 1, size: 1)?.error.rawValue == 0x80)
        #expect(try host.read(14, Address.torqueEnable, size: 1)?.value == 1)
    }

    @Test func overheatingReportsATemperatureAboveTheLimit() throws {
        var faults = SimulatorFaults()
        faults.overheatIDs = [17]
        let (_, _, host) = makeRobot(faults: faults)
        #expect(try host.read(17, Address.hardwareError, size: 1)?.value == 0x04)
        #expect(try host.read(17, Address.presentTemperature, size: 1)?.value ?? 0 > 70)
    }

    @Test func rebootRestoresRAMDefaults() throws {
        let (_, _, host) = makeRobot()
        #expect(try host.write(15, Address.torqueEnable, 1, size: 1)?.error == .ok)
        #expect(try host.write(15, Address.statusReturnLevel, 1, size: 1) == nil)
        #expect(try host.request(15, .reboot).isEmpty)  // level 1: Reboot is not answered
        #expect(try host.read(15, Address.torqueEnable, size: 1)?.value == 0)
        #expect(try host.read(15, Address.statusReturnLevel, size: 1)?.value == 2)
        // EEPROM survives.
        #expect(try host.read(15, Address.homingOffset, size: 4)?.value == 1024)
    }
}
