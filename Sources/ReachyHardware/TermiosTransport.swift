public import Dynamixel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A serial port or pseudo-terminal opened with plain POSIX calls: raw 8N1, no flow control.
///
/// Works on any tty path, including `/dev/pts/N` and symlinks outside `/dev` that libserialport rejects, so it
/// is the transport for pty-based test buses and the fallback of `openTransport(path:baud:)`.
/// Opening takes the port exclusively (`TIOCEXCL` plus an `flock`), so a second opener, even root, gets
/// `TransportError.busy`. Reads wait with `poll()` and honour their timeout; `close()` from another thread ends
/// a pending read. Blocking: call it from the thread that owns the bus, never from a Swift concurrency task.
public final class TermiosTransport: ByteTransport {
    public let name: String
    /// The speed the port was set to, in bits per second.
    public let baudRate: Int
    let channel: DescriptorChannel

    /// Opens `path` at `baudRate` (one of `BaudRate.termiosRates`; the default is the Reachy Mini bus speed).
    public init(path: String, baudRate: Int = BaudRate.reachyMini) throws(TransportError) {
        guard let speed = BaudRate.termiosSpeed(for: baudRate) else {
            throw BaudRate.unsupported(baudRate, name: path)
        }
        let fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw TransportError.opening(path: path, errno: errno) }
        do throws(TransportError) {
            try Self.lockExclusively(fd: fd, path: path)
            try Self.configureRaw(fd: fd, speed: speed, path: path)
        } catch {
            _ = DescriptorChannel.closeDescriptor(fd)
            throw error
        }
        self.name = path
        self.baudRate = baudRate
        self.channel = try DescriptorChannel(fd: fd, name: path) { fd in
            #if os(Linux)
                _ = ioctl(fd, UInt(TIOCNXCL))
            #endif
            _ = DescriptorChannel.closeDescriptor(fd)
        }
    }

    public func write(_ bytes: [UInt8]) throws(TransportError) {
        try channel.writeAll(bytes, timeout: .seconds(1))
        let fd = try channel.descriptor()
        while tcdrain(fd) != 0 {
            let code = errno
            if code == EINTR { continue }
            throw .transferring(name: name, errno: code, operation: "Draining the output")
        }
    }

    public func read(maxCount: Int, timeout: Duration) throws(TransportError) -> [UInt8] {
        try channel.read(maxCount: maxCount, timeout: timeout)
    }

    public func flushInput() throws(TransportError) {
        let fd = try channel.descriptor()
        guard tcflush(fd, TCIFLUSH) == 0 else {
            throw .transferring(name: name, errno: errno, operation: "Discarding unread input")
        }
    }

    public func close() {
        channel.close()
    }

    /// `TIOCEXCL` stops other non-root openers at `open()` with `EBUSY`; the advisory `flock` also stops root
    /// and other programs that lock, such as libserialport users and a second ReachyBridge process.
    private static func lockExclusively(fd: Int32, path: String) throws(TransportError) {
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            throw TransportError.opening(path: path, errno: code == EWOULDBLOCK ? EBUSY : code, operation: "Locking")
        }
        #if os(Linux)
            _ = ioctl(fd, UInt(TIOCEXCL))
        #else
            _ = ioctl(fd, UInt(0x2000_740D))  // Darwin's TIOCEXCL, _IO('t', 13); the macro is not imported.
        #endif
    }

    private static func configureRaw(fd: Int32, speed: speed_t, path: String) throws(TransportError) {
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0 else {
            let code = errno
            if code == ENOTTY {
                throw .io(
                    name: path, operation: "Configuring", code: code,
                    message: "\(path) is not a serial port or terminal; pass the adapter's tty path")
            }
            throw .opening(path: path, errno: code, operation: "Reading the port settings")
        }
        cfmakeraw(&settings)
        settings.c_cflag |= tcflag_t(CLOCAL | CREAD)
        settings.c_cflag &= ~(tcflag_t(CSTOPB) | tcflag_t(PARENB) | tcflag_t(CRTSCTS))
        settings.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY)
        withUnsafeMutableBytes(of: &settings.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard cfsetispeed(&settings, speed) == 0, cfsetospeed(&settings, speed) == 0 else {
            throw .io(name: path, operation: "Setting the speed", code: errno, message: errnoMessage(errno))
        }
        guard tcsetattr(fd, TCSANOW, &settings) == 0 else {
            let code = errno
            throw .io(name: path, operation: "Applying raw 8N1 settings", code: code, message: errnoMessage(code))
        }
        var check = termios()
        guard tcgetattr(fd, &check) == 0, cfgetospeed(&check) == speed else {
            throw .io(
                name: path, operation: "Setting the speed", code: EINVAL,
                message: "the driver did not accept the requested rate")
        }
        _ = tcflush(fd, TCIOFLUSH)
    }
}
