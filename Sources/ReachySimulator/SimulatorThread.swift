import Dynamixel
import Foundation

/// Serves a `VirtualBus` on the device end of an in-memory link from a dedicated thread, until the link closes
/// or the bus is unplugged (then the link is closed, so the host sees a disconnection).
enum SimulatorThread {
    static func serve(bus: VirtualBus, device: InMemoryTransport) {
        let thread = Thread {
            while true {
                let bytes: [UInt8]
                do {
                    bytes = try device.read(maxCount: 4096, timeout: .milliseconds(100))
                } catch {
                    return
                }
                if bytes.isEmpty {
                    if bus.isUnplugged {
                        device.close()
                        return
                    }
                    continue
                }
                do {
                    let reply = try bus.receive(bytes)
                    if reply.delay > .zero { Thread.sleep(forTimeInterval: reply.delay.seconds) }
                    if !reply.bytes.isEmpty { try device.write(reply.bytes) }
                } catch {
                    device.close()
                    return
                }
            }
        }
        thread.name = "reachy-simulator"
        thread.start()
    }
}
