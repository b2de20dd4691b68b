import Foundation

/// A blocking TCP client on loopback for the benchmarks' malformed and never-finished requests (what an HTTP
/// library refuses to send). Every call is bounded by a timeout.
package enum RawSocket {
    /// A socket connected to 127.0.0.1:`port` whose reads give up after `timeout` seconds; nil when refused.
    package static func connect(port: Int, timeout: Double) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Sends all of `text`; false when the connection is gone.
    @discardableResult
    package static func send(_ fd: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL))
            }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    /// Whether the server has closed this connection (a read would return end of file), without waiting.
    package static func peerClosed(_ fd: Int32) -> Bool {
        var byte: UInt8 = 0
        let n = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }

    /// One request on a new connection: the status of the answer (nil: none) and whether the server closed the
    /// connection within `timeout` seconds.
    package static func exchange(port: Int, _ request: String, timeout: Double) -> (status: Int?, closed: Bool) {
        guard let fd = connect(port: port, timeout: timeout) else { return (nil, true) }
        defer { close(fd) }
        _ = send(fd, request)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var closed = false
        while received.count < 1 << 20 {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 {
                closed = true
                break
            }
            if n < 0 {
                closed = errno != EAGAIN && errno != EWOULDBLOCK
                break
            }
            received += buffer[0..<n]
        }
        let head = String(decoding: received.prefix(64), as: UTF8.self)
        let parts = head.split(separator: " ", maxSplits: 2)
        let status = parts.count >= 2 && head.hasPrefix("HTTP/") ? Int(parts[1]) : nil
        return (status, closed)
    }
}
