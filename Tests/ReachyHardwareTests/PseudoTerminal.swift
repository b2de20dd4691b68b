#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real pseudo-terminal for transport tests: the test plays the device on the controller side, the code
/// under test opens `path` (the `/dev/pts/N` device) like any serial port.
final class PseudoTerminal {
    let path: String
    private(set) var controller: Int32

    init() throws {
        var controllerFD: Int32 = -1
        var deviceFD: Int32 = -1
        guard openpty(&controllerFD, &deviceFD, nil, nil, nil) == 0 else { throw PtyError.openFailed(errno) }
        guard let name = ttyname(deviceFD) else { throw PtyError.openFailed(errno) }
        path = String(cString: name)
        controller = controllerFD
        var settings = termios()
        tcgetattr(controllerFD, &settings)
        cfmakeraw(&settings)
        tcsetattr(controllerFD, TCSANOW, &settings)
        // Keep the device side closed: the transport under test opens it by path.
        close(deviceFD)
    }

    deinit { closeController() }

    func closeController() {
        if controller >= 0 { close(controller) }
        controller = -1
    }

    /// Writes bytes as the device would send them.
    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(controller, $0.baseAddress! + offset, bytes.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Reads until `count` bytes arrived or 2 s passed.
    func receive(count: Int) -> [UInt8] {
        var result: [UInt8] = []
        while result.count < count {
            var fds = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&fds, 1, 2_000) > 0 else { break }
            var buffer = [UInt8](repeating: 0, count: count - result.count)
            let n = buffer.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            result += buffer.prefix(n)
        }
        return result
    }
}

enum PtyError: Error { case openFailed(Int32) }
