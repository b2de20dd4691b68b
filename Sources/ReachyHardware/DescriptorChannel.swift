import Dynamixel
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Poll-based blocking I/O on an open, non-blocking file descriptor, shared by both serial transports.
///
/// Reads wait with `poll()` on the device and on a private wake-up pipe, so `close()` from another thread
/// ends a pending read at once (it throws `TransportError.closed`). `EINTR` is retried with the remaining
/// time. Hang-ups (`POLLHUP`, `EIO`, `ENXIO`) become `TransportError.disconnected`.
package final class DescriptorChannel: Sendable {
    let name: String
    private let state: Mutex<State>
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let release: @Sendable (Int32) -> Void

    private struct State {
        var fd: Int32
        var closed: Bool
    }

    /// Takes ownership of `fd`; `release` is called exactly once, by `close()` or `deinit`.
    init(fd: Int32, name: String, release: @escaping @Sendable (Int32) -> Void) throws(TransportError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            let code = errno
            release(fd)
            throw .io(name: name, operation: "Creating a wake-up pipe", code: code, message: errnoMessage(code))
        }
        for end in fds {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        self.name = name
        self.wakeRead = fds[0]
        self.wakeWrite = fds[1]
        self.release = release
        self.state = Mutex(State(fd: fd, closed: false))
    }

    deinit {
        close()
        _ = Self.closeDescriptor(wakeRead)
        _ = Self.closeDescriptor(wakeWrite)
    }

    /// The descriptor, or `.closed` once `close()` ran.
    func descriptor() throws(TransportError) -> Int32 {
        let current = state.withLock { $0.closed ? -1 : $0.fd }
        guard current >= 0 else { throw .closed(name: name) }
        return current
    }

    var isClosed: Bool { state.withLock { $0.closed } }

    /// Releases the descriptor once and wakes any read waiting in `poll()`.
    func close() {
        let fd: Int32 = state.withLock { state in
            if state.closed { return -1 }
            state.closed = true
            return state.fd
        }
        guard fd >= 0 else { return }
        var one: UInt8 = 1
        _ = write(wakeWrite, &one, 1)
        release(fd)
    }

    /// Between 1 and `maxCount` bytes, or `[]` once `timeout` passed with nothing to read.
    func read(maxCount: Int, timeout: Duration) throws(TransportError) -> [UInt8] {
        let fd = try descriptor()
        guard maxCount > 0 else { return [] }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: max(timeout, .zero))
        var buffer = [UInt8](repeating: 0, count: maxCount)
        while true {
            switch try waitReadable(fd: fd, until: deadline, clock: clock) {
            case .timedOut:
                return []
            case .readable:
                let count = buffer.withUnsafeMutableBytes { raw in
                    #if canImport(Glibc)
                        Glibc.read(fd, raw.baseAddress, maxCount)
                    #else
                        Darwin.read(fd, raw.baseAddress, maxCount)
                    #endif
                }
                if count > 0 { return Array(buffer.prefix(count)) }
                if count == 0 { throw .disconnected(name: name, reason: "the device hung up") }
                let code = errno
                if code == EINTR || code == EAGAIN || code == EWOULDBLOCK { continue }
                if isClosed { throw .closed(name: name) }
                throw .transferring(name: name, errno: code, operation: "Reading")
            }
        }
    }

    /// Writes every byte, waiting with `poll()` while the kernel buffer is full (at most `timeout` per stall).
    func writeAll(_ bytes: [UInt8], timeout: Duration) throws(TransportError) {
        let fd = try descriptor()
        let clock = ContinuousClock()
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                #if canImport(Glibc)
                    Glibc.write(fd, raw.baseAddress.map { $0 + offset }, bytes.count - offset)
                #else
                    Darwin.write(fd, raw.baseAddress.map { $0 + offset }, bytes.count - offset)
                #endif
            }
            if count > 0 {
                offset += count
                continue
            }
            let code = errno
            if code == EINTR { continue }
            guard code == EAGAIN || code == EWOULDBLOCK else {
                if isClosed { throw .closed(name: name) }
                throw .transferring(name: name, errno: code, operation: "Writing")
            }
            if try !waitWritable(fd: fd, until: clock.now.advanced(by: timeout), clock: clock) {
                throw .io(
                    name: name, operation: "Writing", code: ETIMEDOUT,
                    message: "the device accepted no data for \(timeout); is flow control holding it?")
            }
        }
    }

    private enum Readiness { case readable, timedOut }

    private func waitReadable(fd: Int32, until deadline: ContinuousClock.Instant, clock: ContinuousClock)
        throws(TransportError) -> Readiness
    {
        while true {
            let revents = try poll(fd: fd, events: Int16(POLLIN), until: deadline, clock: clock)
            guard let revents else { return .timedOut }
            if revents & Int16(POLLIN) != 0 { return .readable }
            if revents & Int16(POLLNVAL) != 0 { throw .closed(name: name) }
            if revents & Int16(POLLHUP | POLLERR) != 0 {
                throw .disconnected(name: name, reason: "the device hung up")
            }
        }
    }

    private func waitWritable(fd: Int32, until deadline: ContinuousClock.Instant, clock: ContinuousClock)
        throws(TransportError) -> Bool
    {
        let revents = try poll(fd: fd, events: Int16(POLLOUT), until: deadline, clock: clock)
        guard let revents else { return false }
        if revents & Int16(POLLNVAL) != 0 { throw .closed(name: name) }
        if revents & Int16(POLLHUP | POLLERR) != 0 {
            throw .disconnected(name: name, reason: "the device hung up")
        }
        return true
    }

    /// Polls `fd` and the wake-up pipe; `nil` on timeout. Retries `EINTR` with the time left.
    private func poll(fd: Int32, events: Int16, until deadline: ContinuousClock.Instant, clock: ContinuousClock)
        throws(TransportError) -> Int16?
    {
        while true {
            var fds = [
                pollfd(fd: fd, events: events, revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            let left = clock.now.duration(to: deadline)
            let result = fds.withUnsafeMutableBufferPointer { buffer in
                #if canImport(Glibc)
                    Glibc.poll(buffer.baseAddress, 2, Self.milliseconds(left))
                #else
                    Darwin.poll(buffer.baseAddress, 2, Self.milliseconds(left))
                #endif
            }
            if result < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .io(name: name, operation: "Waiting for data", code: code, message: errnoMessage(code))
            }
            if fds[1].revents != 0 || isClosed { throw .closed(name: name) }
            if result == 0 { return nil }
            return fds[0].revents
        }
    }

    /// A poll timeout in whole milliseconds, rounded up so a 500 µs wait does not become a busy poll of 0.
    static func milliseconds(_ duration: Duration) -> Int32 {
        if duration <= .zero { return 0 }
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1_000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: total)
    }

    package static func closeDescriptor(_ fd: Int32) -> Int32 {
        #if canImport(Glibc)
            Glibc.close(fd)
        #else
            Darwin.close(fd)
        #endif
    }
}
