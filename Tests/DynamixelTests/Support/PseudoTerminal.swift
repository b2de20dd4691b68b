#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pseudo-terminal pair in raw mode, for driving outside programs (the Python oracles) against a fake servo
/// bus. The test plays the servos on `master`; the other program opens `path`. The slave side stays open here
/// too, so the master never reads EIO while the other program opens and closes it.
///
/// Swift's Glibc module does not import `posix_openpt`/`grantpt`/`unlockpt`/`ptsname` (they need
/// `_XOPEN_SOURCE`), so the pair comes from `openpty`, which does the same four steps.
final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        let operation: String
        let code: Int32
        var description: String { "\(operation) failed: \(String(cString: strerror(code))) (errno \(code))" }
    }

    let master: Int32
    let slave: Int32
    /// The device path the other program opens, e.g. /dev/pts/7.
    let path: String

    init() throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var name = [CChar](repeating: 0, count: 256)
        guard openpty(&master, &slave, &name, nil, nil) == 0 else { throw Failure(operation: "openpty", code: errno) }
        self.master = master
        self.slave = slave
        path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        try PseudoTerminal.makeRaw(master)
        try PseudoTerminal.makeRaw(slave)
    }

    deinit {
        Glibc.close(slave)
        Glibc.close(master)
    }

    private static func makeRaw(_ fd: Int32) throws {
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0 else { throw Failure(operation: "tcgetattr", code: errno) }
        cfmakeraw(&settings)
        cfsetspeed(&settings, speed_t(B1000000))
        settings.c_cflag |= tcflag_t(CLOCAL | CREAD)
        guard tcsetattr(fd, TCSANOW, &settings) == 0 else { throw Failure(operation: "tcsetattr", code: errno) }
    }

    /// Bytes written by the other program, waiting at most `milliseconds`; empty when none came.
    func read(waitingAtMost milliseconds: Int32) throws -> [UInt8] {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        if ready < 0 {
            if errno == EINTR { return [] }
            throw Failure(operation: "poll", code: errno)
        }
        guard ready > 0, descriptor.revents & Int16(POLLIN) != 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EAGAIN || errno == EINTR || errno == EIO { return [] }
            throw Failure(operation: "read", code: errno)
        }
        return Array(buffer.prefix(count))
    }

    /// Sends bytes to the other program.
    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw Failure(operation: "write", code: errno)
            }
            offset += written
        }
    }
}
