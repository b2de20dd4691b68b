public import Dynamixel
import Foundation

/// An in-process link to a `VirtualBus` on which time passes as on the wire, on a `VirtualClock`: writing a request
/// costs its bytes' wire time, a reply arrives after the servos' return delay and its own wire time, and a read
/// that finds nothing waits out its whole timeout. A `ServoBus` over it measures its deadlines on the same clock
/// (`TransportClock`), so a lost byte costs exactly the time it would cost on a real 1 Mbps link, reproducibly and
/// without real waiting. Use it to measure what noise does to a control loop's timing.
public final class WireTimedTransport: ByteTransport, TransportClock, @unchecked Sendable {
    public let name: String
    /// The clock the bus runs on; reads and writes move it forward.
    public let clock: VirtualClock
    private let bus: VirtualBus
    private let lock = NSLock()
    private var incoming: [(bytes: [UInt8], arrival: Duration)] = []
    private var closed = false

    /// A link to `bus`, whose clock must be `clock`.
    public init(bus: VirtualBus, clock: VirtualClock, name: String = "simulator") {
        self.bus = bus
        self.clock = clock
        self.name = name
    }

    public var transportNow: Duration { clock.now() }

    func wireTime(_ count: Int) -> Duration {
        .nanoseconds(Int64(count) * 10 * 1_000_000_000 / Int64(max(bus.baudRate, 1)))
    }

    public func write(_ bytes: [UInt8]) throws(TransportError) {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { throw .closed(name: name) }
        clock.advance(by: wireTime(bytes.count))
        let reply = try bus.receive(bytes)
        guard !reply.bytes.isEmpty else { return }
        incoming.append((reply.bytes, clock.now() + reply.delay + wireTime(reply.bytes.count)))
    }

    public func read(maxCount: Int, timeout: Duration) throws(TransportError) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { throw .closed(name: name) }
        let now = clock.now()
        guard let first = incoming.first, first.arrival <= now + timeout else {
            clock.advance(by: timeout)
            return []
        }
        clock.advance(by: first.arrival - now)
        var bytes: [UInt8] = []
        while let next = incoming.first, next.arrival <= first.arrival, bytes.count + next.bytes.count <= maxCount {
            bytes += next.bytes
            incoming.removeFirst()
        }
        return bytes
    }

    public func flushInput() throws(TransportError) {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { throw .closed(name: name) }
        let now = clock.now()
        incoming.removeAll { $0.arrival <= now }
    }

    public func close() {
        lock.lock()
        closed = true
        lock.unlock()
    }
}

extension VirtualReachyMini {
    /// A `WireTimedTransport` to this robot; `clock` must be the clock the robot was made with.
    public func makeWireTimedTransport(clock: VirtualClock, name: String = "simulator") -> WireTimedTransport {
        WireTimedTransport(bus: bus, clock: clock, name: name)
    }
}
