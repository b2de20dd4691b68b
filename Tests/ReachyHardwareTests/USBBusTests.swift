import ReachyMiniDescription
import Testing

@testable import ReachyHardware

@Suite struct USBBusTests {
    @Test func scanNeverFailsAndIsSorted() {
        // In a container without /dev/bus/usb this is an empty list; on a workstation, real devices.
        let scan = USBBus.scan()
        let keys = scan.devices.map { [$0.bus, $0.address] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
        if scan.problem != nil { #expect(scan.devices.isEmpty) }
        #expect(USBBus.libraryVersion.hasPrefix("1."))
    }

    @Test func reachyPartsAreRecognisedByID() {
        let scan = USBScan(devices: [
            USBDevice(id: USBID(vendor: 0x1D6B, product: 0x0002), bus: 1, address: 1),
            USBDevice(id: USBID(vendor: 0x38FB, product: 0x1001), bus: 1, address: 5, portPath: [2]),
            USBDevice(id: USBID(vendor: 0x1A86, product: 0x55D3), bus: 1, address: 6, portPath: [2, 1]),
        ])
        #expect(scan.reachyParts.map(\.part) == [.audioBoard, .serialAdapter])
        #expect(scan.reachyParts.map(\.device.address) == [5, 6])
        #expect(scan.contains(.serialAdapter))
        #expect(scan.contains(.audioBoard))
        #expect(!USBScan(devices: [scan.devices[0]]).contains(.audioBoard))
        #expect(ReachyUSBPart(id: USBID(vendor: 0x0403, product: 0x6014)) == nil)
        #expect(ReachyUSBPart.audioBoard.title == "audio board")
    }

    @Test func hotplugMonitorStartsAndStopsCleanly() throws {
        guard USBHotplugMonitor.isSupported else { return }
        let events = Outcome()
        let monitor = try USBHotplugMonitor(filter: .reachyMiniSerialAdapter) { event in
            events.set("\(event)")
        }
        monitor.stop()
        monitor.stop()
        // No robot is plugged into a test machine, so the filtered monitor reported nothing.
        if !USBBus.scan().contains(.serialAdapter) { #expect(events.value == nil) }
    }
}
