import ArgumentParser
import ReachyHardware
import ReachyMiniDescription

/// `reachy ports`: the serial ports on this machine and which one is the robot.
struct PortsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ports",
        abstract: "List serial ports and say which one is a Reachy Mini.",
        discussion: """
            The Reachy Mini's motor bus is a USB serial adapter with ID 1a86:55d3 (/dev/ttyACM* on Linux, \
            /dev/cu.usbmodem* on macOS). With --json, prints an array of ports: name, role, and when known \
            usbID, serialNumber, manufacturer, product, portDescription, transport.
            """)

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    struct Row: Encodable {
        let port: SerialPortDescriptor
        let role: PortRole
        func encode(to encoder: any Encoder) throws {
            try port.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(role, forKey: .role)
        }
        enum Key: String, CodingKey { case role }
    }

    func run() throws {
        let ports: [SerialPortDescriptor]
        do {
            ports = try PortDiscovery.listPorts()
        } catch {
            throw CLIError(error.description)
        }
        let rows = ports.map { Row(port: $0, role: PortDiscovery.role(of: $0)) }
        if json {
            try JSONOutput.print(rows)
            return
        }
        guard !rows.isEmpty else {
            print("No serial ports found. Plug the robot's USB-C cable into this computer and switch it on.")
            return
        }
        let table = rows.map { row in
            [
                row.port.name, Self.roleText(row.role), row.port.usbID?.description ?? "-",
                row.port.serialNumber ?? "-", row.port.product ?? row.port.portDescription ?? "-",
            ]
        }
        print(TextTable.render(header: ["PORT", "WHAT", "USB", "SERIAL", "DESCRIPTION"], rows: table))
        print("")
        print(PortDiscovery.selectRobotPort(from: ports).description)
    }

    static func roleText(_ role: PortRole) -> String {
        switch role {
        case .reachyMiniAdapter: "Reachy Mini motors"
        case .reachyMiniWirelessUART: "Reachy Mini Wireless UART"
        case .otherUSBSerial: "USB serial"
        case .native: "built-in serial"
        case .bluetooth: "Bluetooth"
        }
    }
}
