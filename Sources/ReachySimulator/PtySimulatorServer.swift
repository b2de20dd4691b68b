import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Glibc's module map hides the pty functions (they need _XOPEN_SOURCE); bind them by symbol.
@_silgen_name("posix_openpt") private func c_posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func c_grantpt(_ descriptor: Int32) -> Int32
@_silgen_name("unlockpt") private func c_unlockpt(_ descriptor: Int32) -> Int32
@_silgen_name("ptsname_r") private func c_ptsname_r(
    _ descriptor: Int32, _ buffer: UnsafeMutablePointer<CChar>, _ length: Int
) -> Int32

/// Serves a `VirtualBus` on a pseudo-terminal, so that any Dynamixel client (rustypot, the ROBOTIS SDK, the
/// official Reachy Mini controller, `reachy scan`) can open the slave path as if it were the robot's serial port.
///
/// Both sides are raw (no echo, no line discipline) at B1000000 (a pty ignores the speed, but clients that check
/// it are satisfied). Clients may close and reopen the path; like a real port, replies a client leaves unread
/// when it closes are discarded rather than handed to the next client. It serves on a dedicated thread until `stop()`, or until the bus is unplugged (then the pty is closed:
/// clients read end-of-file or EIO, like a pulled USB cable).
public final class PtySimulatorServer: @unchecked Sendable {
    /// The slave device path clients open, such as `/dev/pts/5`.
    public let devicePath: String
    /// The symlink made to the device, if any (removed on stop).
    public let linkPath: String?
    /// The bus being served.
    public let bus: VirtualBus

    private let master: Int32
    private let wakePipe: (read: Int32, write: Int32)
    private let lock = NSLock()
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    private var running = false
    /// Set when an unplug already closed the pty descriptors.
    private var ptyClosed = false

    /// Opens a pty for `bus` and, when `linkPath` is given, points a symlink there (replacing an existing
    /// symlink, never a regular file). Call `start()` to serve.
    public init(bus: VirtualBus, linkPath: String? = nil) throws(PtyServerError) {
        self.bus = bus
        let master = c_posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw .system("posix_openpt", errno) }
        guard c_grantpt(master) == 0, c_unlockpt(master) == 0 else {
            let code = errno
            posixClose(master)
            throw .system("grantpt/unlockpt", code)
        }
        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard c_ptsname_r(master, &nameBuffer, nameBuffer.count) == 0 else {
            let code = errno
            posixClose(master)
            throw .system("ptsname_r", code)
        }
        let path = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slave = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK)
        guard slave >= 0 else {
            let code = errno
            posixClose(master)
            throw .system("open \(path)", code)
        }
        PtySimulatorServer.makeRaw(master)
        PtySimulatorServer.makeRaw(slave)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            let code = errno
            posixClose(master)
            posixClose(slave)
            throw .system("pipe", code)
        }
        if let linkPath {
            var status = stat()
            if lstat(linkPath, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFLNK else {
                    posixClose(master)
                    posixClose(slave)
                    posixClose(pipeEnds[0])
                    posixClose(pipeEnds[1])
                    throw .linkPathOccupied(linkPath)
                }
                unlink(linkPath)
            }
            guard symlink(path, linkPath) == 0 else {
                let code = errno
                posixClose(master)
                posixClose(slave)
                posixClose(pipeEnds[0])
                posixClose(pipeEnds[1])
                throw .system("symlink \(linkPath)", code)
            }
        }
        self.master = master
        self.wakePipe = (pipeEnds[0], pipeEnds[1])
        // The slave's settings persist after this close; clients get a raw line even if they do not set one.
        posixClose(slave)
        self.devicePath = path
        self.linkPath = linkPath
    }

    /// The partial-packet timeout to give the bus behind a pty. The protocol's 1.5 ms rule is relaxed to 20 ms
    /// because the server only sees when it read bytes, not when they arrived.
    public static let interByteTimeout: Duration = .milliseconds(20)

    /// A real serial port drops what the servos send while no program has it open, but a pty keeps it for the
    /// next program. When the last client has closed the device (the master reads EIO), replies it never read are
    /// discarded, so the next client starts clean.
    private func discardUnreadReplies() {
        let descriptor = open(devicePath, O_RDWR | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { return }
        tcflush(descriptor, TCIFLUSH)
        posixClose(descriptor)
    }

    /// The path clients should open: the symlink when one was made, else the device.
    public var path: String { linkPath ?? devicePath }

    /// Raw mode, 8N1, B1000000, reads return as soon as one byte is there.
    package static func makeRaw(_ descriptor: Int32) {
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else { return }
        cfmakeraw(&settings)
        settings.c_cflag |= tcflag_t(CLOCAL | CREAD)
        #if os(Linux)
            let speed = speed_t(B1000000)
        #else
            let speed = speed_t(1_000_000)  // Darwin takes the rate itself
        #endif
        cfsetispeed(&settings, speed)
        cfsetospeed(&settings, speed)
        _ = tcsetattr(descriptor, TCSANOW, &settings)
    }

    /// Starts the serving thread (once).
    public func start() {
        lock.lock()
        defer { lock.unlock() }
        guard !running, !stopping else { return }
        running = true
        let thread = Thread { [self] in
            serve()
            finished.signal()
        }
        thread.name = "reachy-sim-pty"
        thread.start()
    }

    /// Stops serving, closes the pty and removes the symlink. Safe to call more than once.
    public func stop() {
        lock.lock()
        let wasRunning = running
        let alreadyStopping = stopping
        stopping = true
        lock.unlock()
        guard !alreadyStopping else { return }
        var byte: UInt8 = 1
        _ = posixWrite(wakePipe.write, &byte, 1)
        if wasRunning { finished.wait() }
        shutDown()
    }

    private var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    private func shutDown() {
        lock.lock()
        let alreadyClosed = ptyClosed
        lock.unlock()
        if !alreadyClosed { posixClose(master) }
        posixClose(wakePipe.read)
        posixClose(wakePipe.write)
        if let linkPath { unlink(linkPath) }
    }

    private func serve() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var clientConnected = false
        while !isStopping {
            if bus.isUnplugged {
                // Closing the master hangs up the line: clients' reads fail, like a pulled cable.
                lock.lock()
                ptyClosed = true
                lock.unlock()
                posixClose(master)
                waitForStop()
                return
            }
            var descriptors = [
                pollfd(fd: master, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0),
            ]
            guard poll(&descriptors, 2, 100) > 0 else { continue }
            if descriptors[1].revents != 0 { return }
            if descriptors[0].revents & Int16(POLLIN) != 0 {
                let count = read(master, &buffer, buffer.count)
                if count > 0 {
                    clientConnected = true
                    serve(Array(buffer[0..<count]))
                    continue
                }
                if count < 0 && errno != EIO { continue }  // EAGAIN/EINTR: try again
            } else if descriptors[0].revents & Int16(POLLHUP | POLLERR) == 0 {
                continue
            }
            // No client has the device open (the master reports a hang-up until one opens it).
            if clientConnected {
                discardUnreadReplies()
                clientConnected = false
            }
            usleep(2000)
        }
    }

    private func serve(_ bytes: [UInt8]) {
        let reply: VirtualBus.Reply
        do {
            reply = try bus.receive(bytes)
        } catch {
            return  // Unplugged: handled at the top of the loop.
        }
        if reply.delay > .zero { Thread.sleep(forTimeInterval: reply.delay.seconds) }
        writeAll(reply.bytes)
    }

    /// After an unplug the descriptors are gone; wait for `stop()` without touching them again.
    private func waitForStop() {
        var descriptor = pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0)
        while !isStopping { _ = poll(&descriptor, 1, 100) }
    }

    /// Writes every byte, waiting up to 100 ms for room; bytes a vanished client never drains are dropped.
    private func writeAll(_ bytes: [UInt8]) {
        var offset = 0
        var waited = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBufferPointer { posixWrite(master, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
                continue
            }
            guard errno == EAGAIN || errno == EINTR, waited < 100 else { return }
            var descriptor = pollfd(fd: master, events: Int16(POLLOUT), revents: 0)
            _ = poll(&descriptor, 1, 1)
            waited += 1
        }
    }
}

/// Why the pty simulator could not start, with what to do.
public enum PtyServerError: Error, Equatable, Sendable, CustomStringConvertible {
    case system(String, Int32)
    case linkPathOccupied(String)

    public var description: String {
        switch self {
        case .system(let call, let code):
            "Could not create the simulator's pseudo-terminal: \(call) failed (\(String(cString: strerror(code))), errno \(code)). Check that /dev/ptmx is available."
        case .linkPathOccupied(let path):
            "\(path) exists and is not a symlink; choose another --link path or remove that file."
        }
    }
}
