import Foundation
import ReachyTestSupport
import Testing

@testable import ReachyService

/// A plain TCP client for the requests an HTTP library will not send: a chosen `Host` header, too many headers, or
/// nothing at all on an open connection.
enum RawHTTP {
    /// A connected socket to 127.0.0.1:`port` whose reads give up after `timeout` seconds.
    static func connect(port: Int, timeout: Double = 10) throws -> Int32 {
        try #require(RawSocket.connect(port: port, timeout: timeout), "could not connect to 127.0.0.1:\(port)")
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
