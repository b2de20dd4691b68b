import ArgumentParser
import Dynamixel

/// `reachy registers`: the XL330/XC330 control table.
struct RegistersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registers",
        abstract: "List the motors' registers: name, address, size, access, unit.")

    func run() {
        let rows = ControlTable.registers.map { register in
            [
                register.key, "\(register.address)", "\(register.size)",
                register.access == .readWrite ? "read/write" : "read-only",
                register.area == .eeprom ? "EEPROM (torque off to write)" : "RAM",
                register.unit.symbol,
            ]
        }
        print(TextTable.render(header: ["NAME", "ADDRESS", "SIZE", "ACCESS", "AREA", "UNIT"], rows: rows))
    }
}
