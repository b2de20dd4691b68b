import CLibSerialPort
import ReachyMiniDescription

/// Finds serial ports (libserialport) and recognises the Reachy Mini's adapter among them.
///
/// `listPorts()` asks the OS; everything else (`role(of:)`, `selectRobotPort(from:)`) is pure and works on
/// descriptors, so it can be tested without hardware.
public enum PortDiscovery {
    /// Every serial port the OS knows, with USB details where there are any. Sorted by name.
    public static func listPorts() throws(DiscoveryError) -> [SerialPortDescriptor] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let result = sp_list_ports(&list)
        guard result == SP_OK, let ports = list else {
            let details = LibSerialPortError.details(result)
            throw .listingFailed(message: details.message)
        }
        defer { sp_free_port_list(ports) }
        var found: [SerialPortDescriptor] = []
        var index = 0
        while let port = ports[index] {
            found.append(describe(port))
            index += 1
        }
        return found.sorted { $0.name < $1.name }
    }

    /// Lists the ports and picks the robot's; see `selectRobotPort(from:includeWirelessUART:)`.
    public static func findRobotPort(includeWirelessUART: Bool = false) throws(DiscoveryError) -> RobotPortSelection {
        selectRobotPort(from: try listPorts(), includeWirelessUART: includeWirelessUART)
    }

    static func describe(_ port: OpaquePointer) -> SerialPortDescriptor {
        let name = string(sp_get_port_name(port)) ?? "?"
        let transport: PortTransport
        switch sp_get_port_transport(port) {
        case SP_TRANSPORT_USB: transport = .usb
        case SP_TRANSPORT_BLUETOOTH: transport = .bluetooth
        default: transport = .native
        }
        var descriptor = SerialPortDescriptor(
            name: name, portDescription: string(sp_get_port_description(port)), transport: transport)
        guard transport == .usb else { return descriptor }
        var vendor: Int32 = 0
        var product: Int32 = 0
        if sp_get_port_usb_vid_pid(port, &vendor, &product) == SP_OK,
            let vendor = UInt16(exactly: vendor), let product = UInt16(exactly: product)
        {
            descriptor.usbID = USBID(vendor: vendor, product: product)
        }
        var bus: Int32 = 0
        var address: Int32 = 0
        if sp_get_port_usb_bus_address(port, &bus, &address) == SP_OK {
            descriptor.usbBus = Int(bus)
            descriptor.usbAddress = Int(address)
        }
        descriptor.serialNumber = string(sp_get_port_usb_serial(port))
        descriptor.manufacturer = string(sp_get_port_usb_manufacturer(port))
        descriptor.product = string(sp_get_port_usb_product(port))
        return descriptor
    }

    /// libserialport's strings belong to the port; copy them, and treat empty as absent.
    private static func string(_ raw: UnsafeMutablePointer<CChar>?) -> String? {
        guard let raw else { return nil }
        let text = String(cString: raw).trimmingTrailingWhitespace()
        return text.isEmpty ? nil : text
    }
}

/// Why the serial ports could not be listed.
public enum DiscoveryError: Error, Equatable, Sendable, CustomStringConvertible {
    case listingFailed(message: String)

    public var description: String {
        switch self {
        case .listingFailed(let message):
            return "Could not list the serial ports: \(message). Pass the port explicitly with --port /dev/ttyACM0."
        }
    }
}
