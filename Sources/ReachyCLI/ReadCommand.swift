import ArgumentParser
import Dynamixel

/// `reachy read`: read one register of one motor.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a register of one motor, by name (e.g. present_position).",
        discussion: """
            Prints the raw value and, where the register has a unit, the physical value (positions also in \
            radians as the official stack counts them: rad = 2π·raw/4096 − π). `reachy registers` lists names.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: "Motor ID (the Reachy Mini uses 10–18).")
    var id: UInt8

    @Argument(help: "Register name, e.g. present_position, torque_enable, present_input_voltage.")
    var register: String

    @Flag(name: .long, help: "Print JSON: {\"id\", \"register\", \"address\", \"raw\", \"value\", \"unit\"}.")
    var json = false

    struct Reading: Encodable {
        let id: UInt8
        let register: String
        let address: UInt16
        let raw: Int
        let value: Double?
        let unit: String?
    }

    func run() throws {
        let register = try RegisterArgument.lookUp(self.register)
        let opened = try connection.openBus(fallBackToSimulator: true)
        defer { opened.close() }
        let raw = try opened.bus.read(register, from: id)
        let physical = register.unit.symbol.isEmpty || register.unit == .pulse ? nil : register.physical(raw)
        if json {
            try JSONOutput.print(
                Reading(
                    id: id, register: register.key, address: register.address, raw: raw,
                    value: register.unit == .pulse ? DynamixelUnits.radians(fromPosition: raw) : physical,
                    unit: register.unit == .pulse ? "rad" : (register.unit.symbol.isEmpty ? nil : register.unit.symbol))
            )
            return
        }
        var line = "\(register.name) of motor \(id) = \(raw)"
        if register.unit == .pulse, register.size == 4 || register == .homingOffset {
            let radians = DynamixelUnits.radians(fromPosition: raw)
            line += " (\(format(radians, 4)) rad, \(format(radians * 180 / .pi, 1))°)"
        } else if let physical {
            line += " (\(format(physical, 2)) \(register.unit.symbol))"
        }
        print(line)
    }
}

/// A number with a fixed count of decimals.
func format(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
        let have = text.distance(from: dot, to: text.endIndex) - 1
        if have < decimals { text += String(repeating: "0", count: decimals - have) }
        if decimals == 0 { text = String(text[..<dot]) }
    }
    return text
}
