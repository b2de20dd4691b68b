public import Dynamixel
import ReachySimulator

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bare termios client of a serial path (raw, 8N1, B1000000, `poll` for timeouts): what any outside program
/// does to talk to the pty simulator. Used by the pty benchmark and tests; real programs use ReachyHardware's
/// transports.
public final class RawTermiosClient: ByteTransport, @unchecked Sendable {
    public let name: String
    private var descriptor: Int32

    /// Opens `path` raw at 1 Mbps.
    public init(path: String) throws(TransportError) {
        name = path
        descriptor = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw errno == ENOENT
                ? .notFound(path: path) : .io(name: path, operation: "open", code: errno, message: "cannot open")
        }
        PtySimulatorServer.makeRaw(descriptor)
    }

    deinit { close() }

    public func write(_ bytes: [UInt8]) throws(TransportError) {
        guard descriptor >= 0 else { throw .closed(name: name) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBufferPointer { posixWrite(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if errno == EAGAIN || errno == EINTR {
                var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, 10)
            } else {
                throw .disconnected(name: name, reason: String(cString: strerror(errno)))
            }
        }
    }

    public func read(maxCount: Int, timeout: Duration) throws(TransportError) -> [UInt8] {
        guard descriptor >= 0 else { throw .closed(name: name) }
        var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(
            clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let result = poll(&ready, 1, max(0, milliseconds))
        if result <= 0 { return [] }
        if ready.revents & Int16(POLLIN) == 0 && ready.revents & Int16(POLLHUP | POLLERR) != 0 {
            throw .disconnected(name: name, reason: "the other end closed the pty")
        }
        var buffer = [UInt8](repeating: 0, count: max(1, maxCount))
        let count = posixRead(descriptor, &buffer, buffer.count)
        if count > 0 { return Array(buffer[0..<count]) }
        if count == 0 || errno == EIO { throw .disconnected(name: name, reason: "the other end closed the pty") }
        return []
    }

    public func flushInput() throws(TransportError) {
        guard descriptor >= 0 else { throw .closed(name: name) }
        tcflush(descriptor, TCIFLUSH)
    }

    public func close() {
        if descriptor >= 0 {
            posixClose(descriptor)
            descriptor = -1
        }
    }
}
