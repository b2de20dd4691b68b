import CLibUSB
public import ReachyMiniDescription

/// One device on the USB bus, as libusb enumerates it (no device is opened).
public struct USBDevice: Hashable, Sendable, Codable {
    public var id: USBID
    public var bus: Int
    public var address: Int
    /// Hub port numbers from the root to the device, e.g. `[1, 3]`.
    public var portPath: [Int]

    public init(id: USBID, bus: Int, address: Int, portPath: [Int] = []) {
        self.id = id
        self.bus = bus
        self.address = address
        self.portPath = portPath
    }

    /// What this is when it is part of a Reachy Mini.
    public var reachyPart: ReachyUSBPart? { ReachyUSBPart(id: id) }
}

/// The Reachy Mini's parts that show up on the USB bus.
public enum ReachyUSBPart: String, Hashable, Sendable, Codable, CaseIterable {
    /// The motor bus's USB-serial adapter (Lite).
    case serialAdapter
    /// The audio board (speaker and microphones).
    case audioBoard

    public init?(id: USBID) {
        guard let part = Self.allCases.first(where: { $0.usbID == id }) else { return nil }
        self = part
    }

    public var usbID: USBID {
        switch self {
        case .serialAdapter: return .reachyMiniSerialAdapter
        case .audioBoard: return .reachyMiniAudio
        }
    }

    /// A name for people: "motor serial adapter", "audio board".
    public var title: String {
        switch self {
        case .serialAdapter: return "motor serial adapter"
        case .audioBoard: return "audio board"
        }
    }
}

/// What a USB enumeration saw. `problem` explains why the list may be incomplete (libusb could not start,
/// no USB access in a container); the list is then empty, never an error that stops a caller.
public struct USBScan: Hashable, Sendable, Codable {
    public var devices: [USBDevice]
    public var problem: String?

    public init(devices: [USBDevice], problem: String? = nil) {
        self.devices = devices
        self.problem = problem
    }

    /// The devices that belong to a Reachy Mini, with what each is.
    public var reachyParts: [(part: ReachyUSBPart, device: USBDevice)] {
        devices.compactMap { device in device.reachyPart.map { ($0, device) } }
    }

    /// Whether a device with that part's USB ID is on the bus.
    public func contains(_ part: ReachyUSBPart) -> Bool {
        devices.contains { $0.id == part.usbID }
    }
}

/// Enumerates the USB bus with libusb-1.0 to see whether the robot's adapter and audio board are connected,
/// independently of drivers and device nodes. Works without `/dev/bus/usb` (returns no devices).
public enum USBBus {
    /// Every device libusb sees, sorted by bus and address.
    public static func scan() -> USBScan {
        var context: OpaquePointer?
        let started = libusb_init(&context)
        guard started == 0, let context else {
            return USBScan(devices: [], problem: "libusb could not start: \(errorName(started))")
        }
        defer { libusb_exit(context) }
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(context, &list)
        guard count >= 0, let list else {
            return USBScan(devices: [], problem: "libusb could not list devices: \(errorName(Int32(clamping: count)))")
        }
        defer { libusb_free_device_list(list, 1) }
        var devices: [USBDevice] = []
        for index in 0..<count {
            guard let device = list[index], let described = describe(device) else { continue }
            devices.append(described)
        }
        devices.sort { ($0.bus, $0.address) < ($1.bus, $1.address) }
        return USBScan(devices: devices)
    }

    /// The libusb version, e.g. "1.0.26".
    public static var libraryVersion: String {
        guard let version = libusb_get_version()?.pointee else { return "unknown" }
        return "\(version.major).\(version.minor).\(version.micro)"
    }

    static func describe(_ device: OpaquePointer) -> USBDevice? {
        var descriptor = libusb_device_descriptor()
        guard libusb_get_device_descriptor(device, &descriptor) == 0 else { return nil }
        var ports = [UInt8](repeating: 0, count: 8)
        let depth = libusb_get_port_numbers(device, &ports, Int32(ports.count))
        return USBDevice(
            id: USBID(vendor: descriptor.idVendor, product: descriptor.idProduct),
            bus: Int(libusb_get_bus_number(device)),
            address: Int(libusb_get_device_address(device)),
            portPath: depth > 0 ? ports.prefix(Int(depth)).map(Int.init) : [])
    }

    static func errorName(_ code: Int32) -> String {
        guard let name = libusb_strerror(code) else { return "error \(code)" }
        return String(cString: name)
    }
}
