import ArgumentParser
import Dynamixel

/// `reachy write`: write one register of one motor, checked before it is sent.
struct WriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "Write a register of one motor, by name (e.g. torque_enable 1).",
        discussion: """
            VALUE is the raw register value. It is checked before anything is sent: read-only registers, values \
            outside the register's range, Goal Position outside the motor's position limits, and EEPROM registers \
            (addresses 0–63) while torque is on are refused with an explanation.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: "Motor ID (the Reachy Mini uses 10–18).")
    var id: UInt8

    @Argument(help: "Register name, e.g. goal_position, torque_enable, led.")
    var register: String

    @Argument(help: "Raw value to write.")
    var value: Int

    func run() throws {
        let register = try RegisterArgument.lookUp(self.register)
        guard register.access == .readWrite else {
            throw CLIError("\(register.name) is read-only; it cannot be written.")
        }
        guard id != PacketFraming.broadcastID else {
            throw CLIError("Write to one motor at a time (IDs 0–252).")
        }
        let opened = try connection.openBus(fallBackToSimulator: true)
        defer { opened.close() }
        try opened.bus.write(register, value: value, to: id)
        print("Wrote \(value) to \(register.name) of motor \(id).")
    }
}
