public import ReachyMiniDescription

/// What the OS says about one serial port: enough to list it and to recognise the Reachy Mini's adapter.
///
/// Built by `PortDiscovery.listPorts()` from libserialport, or by hand in tests.
public struct SerialPortDescriptor: Hashable, Sendable, Codable {
    /// The device path to open, e.g. `/dev/ttyACM0` or `/dev/cu.usbmodem5AAF2623261`.
    public var name: String
    /// The OS's description, e.g. `USB Single Serial` or `ttyS0`.
    public var portDescription: String?
    public var transport: PortTransport
    /// Vendor and product ID for USB adapters.
    public var usbID: USBID?
    public var serialNumber: String?
    public var manufacturer: String?
    public var product: String?
    /// USB bus number and device address, when the OS reports them.
    public var usbBus: Int?
    public var usbAddress: Int?

    public init(
        name: String, portDescription: String? = nil, transport: PortTransport, usbID: USBID? = nil,
        serialNumber: String? = nil, manufacturer: String? = nil, product: String? = nil,
        usbBus: Int? = nil, usbAddress: Int? = nil
    ) {
        self.name = name
        self.portDescription = portDescription
        self.transport = transport
        self.usbID = usbID
        self.serialNumber = serialNumber
        self.manufacturer = manufacturer
        self.product = product
        self.usbBus = usbBus
        self.usbAddress = usbAddress
    }

    /// The last path component: `ttyACM0`, `cu.usbmodem5AAF2623261`.
    public var baseName: String {
        name.split(separator: "/").last.map(String.init) ?? name
    }
}

/// How a serial port is attached to the computer.
public enum PortTransport: String, Hashable, Sendable, Codable {
    case usb
    case native
    case bluetooth
}
