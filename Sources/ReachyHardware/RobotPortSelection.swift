import ReachyMiniDescription

/// What a port is, as far as the Reachy Mini is concerned.
public enum PortRole: String, Hashable, Sendable, Codable {
    /// The Reachy Mini Lite's USB-serial adapter (`1a86:55d3`).
    case reachyMiniAdapter
    /// `/dev/ttyAMA3`: the UART the Wireless model's motors hang off (only on its own computer).
    case reachyMiniWirelessUART
    /// Some other USB-serial adapter (a U2D2, an Arduino, …).
    case otherUSBSerial
    /// A built-in UART such as `/dev/ttyS0`.
    case native
    case bluetooth
}

/// The outcome of looking for the robot among the serial ports.
public enum RobotPortSelection: Hashable, Sendable, CustomStringConvertible {
    /// One adapter found. `otherNodes` are further device nodes of the same adapter that were passed over (on
    /// macOS the WCH driver adds `cu.wchusbserial*` next to `cu.usbmodem*`).
    case found(SerialPortDescriptor, otherNodes: [SerialPortDescriptor])
    /// No port looks like the robot.
    case notFound
    /// Several distinct adapters; one preferred node per adapter, in preference order.
    case ambiguous([SerialPortDescriptor])

    /// The chosen port, if exactly one robot was found.
    public var port: SerialPortDescriptor? {
        if case .found(let port, _) = self { return port }
        return nil
    }

    public var description: String {
        switch self {
        case .found(let port, let others):
            let extra = others.isEmpty ? "" : " (also seen as \(others.map(\.name).joined(separator: ", ")))"
            return "Reachy Mini found at \(port.name)\(extra)."
        case .notFound:
            return """
                No Reachy Mini serial adapter (USB \(USBID.reachyMiniSerialAdapter)) found. Check that the robot is \
                powered and its USB-C cable is plugged into this computer, then run `reachy ports`.
                """
        case .ambiguous(let ports):
            return """
                Several Reachy Mini adapters found: \(ports.map(\.name).joined(separator: ", ")). Pick one with \
                --port.
                """
        }
    }
}

extension PortDiscovery {
    /// The Wireless model's motor UART.
    public static let wirelessUARTPath = "/dev/ttyAMA3"

    /// Classifies one port from its descriptor alone.
    public static func role(of port: SerialPortDescriptor) -> PortRole {
        if port.usbID == .reachyMiniSerialAdapter { return .reachyMiniAdapter }
        if port.name == wirelessUARTPath { return .reachyMiniWirelessUART }
        switch port.transport {
        case .usb: return .otherUSBSerial
        case .bluetooth: return .bluetooth
        case .native: return .native
        }
    }

    /// How good a device node of the adapter is to open; lower is better.
    ///
    /// The CH343 is a CDC-ACM device: Linux's `cdc_acm` gives `ttyACM*` and macOS's own driver `cu.usbmodem*`.
    /// WCH's vendor drivers add `ttyCH343USB*` / `cu.wchusbserial*` for the same chip; those are second
    /// choice. On macOS the call-out `cu.*` node is preferred over the dial-in `tty.*` node, which waits for
    /// carrier detect.
    public static func preferenceRank(of port: SerialPortDescriptor) -> Int {
        let base = port.baseName
        let ranks: [(prefix: String, rank: Int)] = [
            ("ttyACM", 0), ("cu.usbmodem", 0),
            ("ttyCH343USB", 1), ("cu.wchusbserial", 1),
            ("ttyUSB", 2), ("tty.usbmodem", 2),
            ("tty.wchusbserial", 3),
        ]
        return ranks.first { base.hasPrefix($0.prefix) }?.rank ?? 4
    }

    /// Picks the robot's port: the adapter's best node, grouping several nodes of one physical adapter
    /// (same serial number, else same USB bus and address, else same name suffix) together.
    ///
    /// With `includeWirelessUART`, `/dev/ttyAMA3` is the answer when no USB adapter is present (run on the
    /// Wireless robot's own computer).
    public static func selectRobotPort(from ports: [SerialPortDescriptor], includeWirelessUART: Bool = false)
        -> RobotPortSelection
    {
        let adapters = ports.filter { role(of: $0) == .reachyMiniAdapter }
        if adapters.isEmpty {
            if includeWirelessUART, let uart = ports.first(where: { role(of: $0) == .reachyMiniWirelessUART }) {
                return .found(uart, otherNodes: [])
            }
            return .notFound
        }
        var groups: [String: [SerialPortDescriptor]] = [:]
        var order: [String] = []
        for port in adapters {
            let key = adapterKey(port)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(port)
        }
        let best: [(port: SerialPortDescriptor, others: [SerialPortDescriptor])] = order.compactMap { key in
            let nodes = (groups[key] ?? []).sorted(by: isPreferred)
            guard let first = nodes.first else { return nil }
            return (first, Array(nodes.dropFirst()))
        }
        if best.count == 1, let only = best.first { return .found(only.port, otherNodes: only.others) }
        return .ambiguous(best.map(\.port).sorted(by: isPreferred))
    }

    private static func isPreferred(_ a: SerialPortDescriptor, _ b: SerialPortDescriptor) -> Bool {
        let (rankA, rankB) = (preferenceRank(of: a), preferenceRank(of: b))
        return rankA != rankB ? rankA < rankB : a.name < b.name
    }

    /// Identifies the physical adapter behind a node.
    private static func adapterKey(_ port: SerialPortDescriptor) -> String {
        if let serial = port.serialNumber, !serial.isEmpty { return "serial:" + serial }
        if let bus = port.usbBus, let address = port.usbAddress { return "usb:\(bus).\(address)" }
        let base = port.baseName
        for prefix in ["tty.usbmodem", "cu.usbmodem", "tty.wchusbserial", "cu.wchusbserial"]
        where base.hasPrefix(prefix) {
            return "suffix:" + base.dropFirst(prefix.count)
        }
        return "name:" + port.name
    }
}
