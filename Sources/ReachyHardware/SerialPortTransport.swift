import CLibSerialPort
public import Dynamixel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real serial adapter driven through libserialport: 8N1, no flow control, exclusive.
///
/// libserialport looks ports up in the OS device registry (sysfs on Linux), so it opens USB adapters and native
/// UARTs but not pseudo-terminals; `openTransport(path:baud:)` picks `TermiosTransport` for those.
/// Writes block until the bytes left the adapter (`sp_blocking_write` + `sp_drain`). Reads poll the port's
/// descriptor (`sp_get_port_handle`) so they honour their timeout and `close()` from another thread ends them.
/// Blocking: call it from the thread that owns the bus, never from a Swift concurrency task.
public final class SerialPortTransport: ByteTransport {
    public let name: String
    /// The speed the port was set to, in bits per second.
    public let baudRate: Int
    private let port: PortHandle
    private let channel: DescriptorChannel

    /// Opens the port named `path` (e.g. `/dev/ttyACM0`, `/dev/cu.usbmodem5AAF2623261`) at `baudRate`.
    public init(path: String, baudRate: Int = BaudRate.reachyMini) throws(TransportError) {
        guard let raw = Self.lookUp(path: path) else {
            guard pathExists(path) else { throw .notFound(path: path) }
            throw .io(
                name: path, operation: "Looking up the port", code: ENODEV,
                message: "libserialport does not list \(path) (a pseudo-terminal, or a symlink outside /dev); "
                    + "open it with openTransport(path:baud:), which falls back to termios")
        }
        let port = PortHandle(raw)
        var opened = sp_open(raw, SP_MODE_READ_WRITE)
        guard opened == SP_OK else {
            throw LibSerialPortError.opening(opened, path: path, operation: "Opening")
        }
        do throws(TransportError) {
            try Self.configure(raw, baudRate: baudRate, path: path)
            var fd: Int32 = -1
            opened = sp_get_port_handle(raw, &fd)
            guard opened == SP_OK, fd >= 0 else {
                throw LibSerialPortError.opening(opened, path: path, operation: "Getting the port descriptor")
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw TransportError.busy(path: path) }
            self.channel = try DescriptorChannel(fd: fd, name: path) { _ in
                _ = sp_close(port.raw)
            }
        } catch {
            _ = sp_close(raw)
            throw error
        }
        self.name = path
        self.baudRate = baudRate
        self.port = port
        _ = sp_flush(raw, SP_BUF_BOTH)
    }

    /// The libserialport port for `path`, or `nil` when libserialport does not know it (ptys, symlinks
    /// outside `/dev`, missing devices). The caller owns the result and frees it with `sp_free_port`.
    static func lookUp(path: String) -> OpaquePointer? {
        var raw: OpaquePointer?
        guard sp_get_port_by_name(path, &raw) == SP_OK else { return nil }
        return raw
    }

    public func write(_ bytes: [UInt8]) throws(TransportError) {
        _ = try channel.descriptor()
        guard !bytes.isEmpty else { return }
        // Ten bits per byte on the wire, four times over plus 100 ms for USB scheduling.
        let timeoutMs = UInt32(clamping: bytes.count * 40_000 / max(baudRate, 1) + 100)
        let written = bytes.withUnsafeBytes { raw in
            sp_blocking_write(port.raw, raw.baseAddress, raw.count, timeoutMs)
        }
        guard written.rawValue >= 0 else {
            throw LibSerialPortError.transferring(written, name: name, operation: "Writing")
        }
        guard Int(written.rawValue) == bytes.count else {
            throw .io(
                name: name, operation: "Writing", code: ETIMEDOUT,
                message: "only \(written.rawValue) of \(bytes.count) bytes left in \(timeoutMs) ms")
        }
        let drained = sp_drain(port.raw)
        guard drained == SP_OK else {
            throw LibSerialPortError.transferring(drained, name: name, operation: "Draining the output")
        }
    }

    public func read(maxCount: Int, timeout: Duration) throws(TransportError) -> [UInt8] {
        try channel.read(maxCount: maxCount, timeout: timeout)
    }

    public func flushInput() throws(TransportError) {
        _ = try channel.descriptor()
        let result = sp_flush(port.raw, SP_BUF_INPUT)
        guard result == SP_OK else {
            throw LibSerialPortError.transferring(result, name: name, operation: "Discarding unread input")
        }
    }

    public func close() {
        channel.close()
    }

    private static func configure(_ raw: OpaquePointer, baudRate: Int, path: String) throws(TransportError) {
        let steps: [(String, () -> sp_return)] = [
            ("Setting the speed to \(baudRate) baud", { sp_set_baudrate(raw, Int32(clamping: baudRate)) }),
            ("Setting 8 data bits", { sp_set_bits(raw, 8) }),
            ("Setting no parity", { sp_set_parity(raw, SP_PARITY_NONE) }),
            ("Setting 1 stop bit", { sp_set_stopbits(raw, 1) }),
            ("Turning flow control off", { sp_set_flowcontrol(raw, SP_FLOWCONTROL_NONE) }),
        ]
        for (operation, step) in steps {
            let result = step()
            guard result == SP_OK else {
                throw LibSerialPortError.opening(result, path: path, operation: operation)
            }
        }
    }
}

/// Owns one `sp_port` and frees it when the transport goes away. Only the transport's owning thread uses it,
/// and `sp_close` is serialised by `DescriptorChannel`.
final class PortHandle: @unchecked Sendable {
    let raw: OpaquePointer
    init(_ raw: OpaquePointer) { self.raw = raw }
    deinit { sp_free_port(raw) }
}
