import Foundation
import ReachyMiniDescription
import Testing

@testable import ReachyHardware

@Suite struct PortDiscoveryTests {
    private static let adapter = USBID(vendor: 0x1A86, product: 0x55D3)

    private func usb(
        _ name: String, _ id: USBID? = adapter, serial: String? = nil, bus: Int? = nil, address: Int? = nil
    ) -> SerialPortDescriptor {
        SerialPortDescriptor(
            name: name, portDescription: "USB Single Serial", transport: .usb, usbID: id, serialNumber: serial,
            usbBus: bus, usbAddress: address)
    }

    @Test func usbIDParsesAndPrintsLowercaseHex() throws {
        #expect(USBID("1A86:55D3") == USBID(vendor: 0x1A86, product: 0x55D3))
        #expect(USBID(vendor: 0x38FB, product: 0x1001).description == "38fb:1001")
        #expect(USBID(vendor: 0x0403, product: 0x6014).description == "0403:6014")
        #expect(USBID("1a86") == nil)
        #expect(USBID("1a86:55d3:00") == nil)
        #expect(USBID("zz86:55d3") == nil)
        #expect(USBID("11a86:55d3") == nil)
        #expect(USBID.reachyMiniSerialAdapter.description == "1a86:55d3")
        #expect(USBID.reachyMiniAudio.description == "38fb:1001")
    }

    @Test func rolesComeFromTheUSBIDAndTheName() {
        #expect(PortDiscovery.role(of: usb("/dev/ttyACM0")) == .reachyMiniAdapter)
        #expect(PortDiscovery.role(of: usb("/dev/ttyUSB0", USBID(vendor: 0x0403, product: 0x6014))) == .otherUSBSerial)
        #expect(PortDiscovery.role(of: SerialPortDescriptor(name: "/dev/ttyS0", transport: .native)) == .native)
        #expect(
            PortDiscovery.role(of: SerialPortDescriptor(name: "/dev/ttyAMA3", transport: .native))
                == .reachyMiniWirelessUART)
        #expect(PortDiscovery.role(of: SerialPortDescriptor(name: "/dev/rfcomm0", transport: .bluetooth)) == .bluetooth)
    }

    @Test func linuxAdapterIsFound() {
        let ports = [
            SerialPortDescriptor(name: "/dev/ttyS0", transport: .native),
            usb("/dev/ttyUSB0", USBID(vendor: 0x0403, product: 0x6014)),
            usb("/dev/ttyACM0", serial: "5AAF2623261"),
        ]
        #expect(PortDiscovery.selectRobotPort(from: ports) == .found(ports[2], otherNodes: []))
        #expect(PortDiscovery.selectRobotPort(from: ports).port?.name == "/dev/ttyACM0")
    }

    @Test func macOSPrefersUsbmodemOverTheWCHDriverNode() {
        let wch = usb("/dev/cu.wchusbserial5AAF2623261", serial: "5AAF2623261")
        let modem = usb("/dev/cu.usbmodem5AAF2623261", serial: "5AAF2623261")
        let dialIn = usb("/dev/tty.usbmodem5AAF2623261", serial: "5AAF2623261")
        // Whatever order the OS lists them in.
        for ports in [[wch, modem, dialIn], [dialIn, wch, modem], [modem, dialIn, wch]] {
            #expect(PortDiscovery.selectRobotPort(from: ports) == .found(modem, otherNodes: [wch, dialIn]))
        }
    }

    @Test func nodesWithoutSerialNumbersGroupByNameSuffixOrBusAddress() {
        let wch = usb("/dev/cu.wchusbserial58FA0959031")
        let modem = usb("/dev/cu.usbmodem58FA0959031")
        #expect(PortDiscovery.selectRobotPort(from: [wch, modem]) == .found(modem, otherNodes: [wch]))

        let acm = usb("/dev/ttyACM1", bus: 1, address: 7)
        let vendorNode = usb("/dev/ttyCH343USB0", bus: 1, address: 7)
        #expect(PortDiscovery.selectRobotPort(from: [vendorNode, acm]) == .found(acm, otherNodes: [vendorNode]))
    }

    @Test func twoRobotsAreAmbiguous() {
        let first = usb("/dev/ttyACM1", serial: "B")
        let second = usb("/dev/ttyACM0", serial: "A")
        let selection = PortDiscovery.selectRobotPort(from: [first, second])
        #expect(selection == .ambiguous([second, first]))
        #expect(selection.port == nil)
        #expect(
            selection.description
                == "Several Reachy Mini adapters found: /dev/ttyACM0, /dev/ttyACM1. Pick one with --port.")
    }

    @Test func nothingMatchingIsNotFound() {
        let ports = [
            SerialPortDescriptor(name: "/dev/ttyS0", transport: .native),
            usb("/dev/ttyUSB0", USBID(vendor: 0x0403, product: 0x6014)),
            SerialPortDescriptor(name: "/dev/ttyAMA3", transport: .native),
        ]
        let selection = PortDiscovery.selectRobotPort(from: ports)
        #expect(selection == .notFound)
        #expect(selection.description.hasPrefix("No Reachy Mini serial adapter (USB 1a86:55d3) found."))
        #expect(PortDiscovery.selectRobotPort(from: []) == .notFound)
    }

    @Test func wirelessUARTOnlyWhenAskedAndNoAdapter() {
        let uart = SerialPortDescriptor(name: "/dev/ttyAMA3", transport: .native)
        #expect(PortDiscovery.selectRobotPort(from: [uart], includeWirelessUART: true) == .found(uart, otherNodes: []))
        let acm = usb("/dev/ttyACM0")
        #expect(
            PortDiscovery.selectRobotPort(from: [uart, acm], includeWirelessUART: true) == .found(acm, otherNodes: []))
    }

    @Test func preferenceRanks() {
        let names = [
            "/dev/tty.wchusbserial1", "/dev/ttyUSB0", "/dev/cu.wchusbserial1", "/dev/cu.usbmodem1", "/dev/ttyS9",
        ]
        let ranked = names.map { usb($0) }.sorted {
            PortDiscovery.preferenceRank(of: $0) < PortDiscovery.preferenceRank(of: $1)
        }
        #expect(
            ranked.map(\.name) == [
                "/dev/cu.usbmodem1", "/dev/cu.wchusbserial1", "/dev/ttyUSB0", "/dev/tty.wchusbserial1", "/dev/ttyS9",
            ])
    }

    @Test func listingTheRealPortsDoesNotFail() throws {
        // Whatever this machine has (often nothing, or /dev/ttyS0): every entry is well formed.
        let ports = try PortDiscovery.listPorts()
        for port in ports {
            #expect(port.name.hasPrefix("/dev/") || port.name.hasPrefix("COM"))
            if port.transport != .usb { #expect(port.usbID == nil) }
        }
        #expect(ports.map(\.name) == ports.map(\.name).sorted())
    }

    @Test func descriptorsRoundTripThroughJSON() throws {
        let port = usb("/dev/ttyACM0", serial: "5AAF2623261", bus: 3, address: 4)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(port)
        // The shape `reachy ports --json` can rely on; absent facts are left out.
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"{"name":"/dev/ttyACM0","portDescription":"USB Single Serial","serialNumber":"5AAF2623261","#
                + #""transport":"usb","usbAddress":4,"usbBus":3,"usbID":"1a86:55d3"}"#)
        #expect(try JSONDecoder().decode(SerialPortDescriptor.self, from: data) == port)
    }
}
