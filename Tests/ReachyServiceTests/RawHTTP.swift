import Foundation
import Testing

/// A plain TCP client for the requests an HTTP library will not send: a chosen `Host` header, too many headers, or
/// nothing at all on an open connection.
enum RawHTTP {
    /// A connected socket to 127.0.0.1:`port` whose reads give up after `timeout` seconds.
    static func connect(port: Int, timeout: Double = 10) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if connected != 0 { close(fd) }
        try #require(connected == 0)
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything received until the server closes the connection; `closed` is false when the read timed out first.
    static func receiveAll(_ fd: Int32) -> (text: String, closed: Bool) {
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return (String(decoding: response, as: UTF8.self), true) }
            if count < 0 {
                return (String(decoding: response, as: UTF8.self), errno != EAGAIN && errno != EWOULDBLOCK)
            }
            response += buffer[0..<count]
        }
    }

    /// One GET with exactly this `Host` header; the whole response.
    static func get(port: Int, path: String, host: String) throws -> String {
        let fd = try connect(port: port)
        defer { close(fd) }
        send(fd, "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
        return receiveAll(fd).text
    }
}
