/// One end of an in-memory byte link: a real transport (bytes written at one end are read at the other), with no
/// device behind it. `makePair()` gives two connected ends — a host and a device side that a simulator serves
/// on its own thread. Closing either end disconnects the other.
public final class InMemoryTransport: ByteTransport, @unchecked Sendable {
    public let name: String
    private let incoming: ByteQueue
    private let outgoing: ByteQueue

    private init(name: String, incoming: ByteQueue, outgoing: ByteQueue) {
        self.name = name
        self.incoming = incoming
        self.outgoing = outgoing
    }

    /// Two connected ends.
    public static func makePair(name: String = "in-memory bus") -> (host: InMemoryTransport, device: InMemoryTransport)
    {
        let toDevice = ByteQueue()
        let toHost = ByteQueue()
        return (
            InMemoryTransport(name: name, incoming: toHost, outgoing: toDevice),
            InMemoryTransport(name: name + " (device side)", incoming: toDevice, outgoing: toHost)
        )
    }

    public func write(_ bytes: [UInt8]) throws(TransportError) {
        guard !incoming.isClosed else { throw .closed(name: name) }
        guard outgoing.push(bytes) else { throw .disconnected(name: name, reason: "the other end closed the link") }
    }

    public func read(maxCount: Int, timeout: Duration) throws(TransportError) -> [UInt8] {
        guard let bytes = incoming.pop(maxCount: maxCount, timeout: timeout) else {
            throw outgoing.isClosed && incoming.isClosed
                ? .disconnected(name: name, reason: "the link was closed") : .closed(name: name)
        }
        return bytes
    }

    public func flushInput() throws(TransportError) {
        guard !incoming.isClosed else { throw .closed(name: name) }
        incoming.removeAll()
    }

    public func close() {
        incoming.close()
        outgoing.close()
    }
}

/// A transport whose device side answers synchronously: every write is handed to `respond`, and what it returns
/// is what the next reads deliver (a thrown error, such as a simulated unplug, reaches the writer). Nothing else can ever arrive, so a read with nothing queued returns at once
/// instead of waiting out its timeout: deterministic, and faster than real time. This is how tests attach the
/// in-process simulator.
public final class LoopbackTransport: ByteTransport, @unchecked Sendable {
    public let name: String
    private let queue = ByteQueue()
    private let respond: @Sendable ([UInt8]) throws(TransportError) -> [UInt8]

    /// A transport whose peer is the function `respond` (bytes in, bytes out).
    public init(name: String = "simulator", respond: @escaping @Sendable ([UInt8]) throws(TransportError) -> [UInt8]) {
        self.name = name
        self.respond = respond
    }

    public func write(_ bytes: [UInt8]) throws(TransportError) {
        guard !queue.isClosed else { throw .closed(name: name) }
        queue.push(try respond(bytes))
    }

    public func read(maxCount: Int, timeout: Duration) throws(TransportError) -> [UInt8] {
        guard let bytes = queue.pop(maxCount: maxCount, timeout: .zero) else { throw .closed(name: name) }
        return bytes
    }

    public func flushInput() throws(TransportError) {
        guard !queue.isClosed else { throw .closed(name: name) }
        queue.removeAll()
    }

    public func close() { queue.close() }
}
