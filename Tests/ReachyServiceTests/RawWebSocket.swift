import Foundation
import Testing

/// A WebSocket client over a plain TCP socket, for the frames a WebSocket library will not send: unmasked client
/// frames, text that is not UTF-8. Only what the tests need: the handshake, one frame out, the close code back.
struct RawWebSocket {
    let fd: Int32

    /// Connects to 127.0.0.1:`port` and sends the upgrade request for `path` (plus `headers`); `response` is the
    /// server's answer head (and any body it sent when it refused).
    static func open(port: Int, path: String, headers: [String] = []) throws -> (socket: RawWebSocket, response: String)
    {
        let fd = try RawHTTP.connect(port: port, timeout: 10)
        let extra = headers.map { "\($0)\r\n" }.joined()
        RawHTTP.send(
            fd,
            "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\(extra)\r\n")
        var head: [UInt8] = []
        var byte: UInt8 = 0
        // Byte by byte up to the blank line, so no frame is swallowed with the head.
        while !head.ends(with: Array("\r\n\r\n".utf8)) {
            let count = recv(fd, &byte, 1, 0)
            if count <= 0 { break }
            head.append(byte)
        }
        var response = String(decoding: head, as: UTF8.self)
        if !response.hasPrefix("HTTP/1.1 101") {
            response += RawHTTP.receiveAll(fd).text
        }
        return (RawWebSocket(fd: fd), response)
    }

    /// Sends one frame with `opcode` and `payload`, masked (as RFC 6455 requires of clients) unless `masked` is false.
    func send(opcode: UInt8, payload: [UInt8], masked: Bool = true) {
        var frame: [UInt8] = [0x80 | opcode]
        let maskBit: UInt8 = masked ? 0x80 : 0
        precondition(payload.count < 126)
        frame.append(maskBit | UInt8(payload.count))
        if masked {
            let key: [UInt8] = [0x12, 0x34, 0x56, 0x78]
            frame += key
            frame += payload.enumerated().map { $0.element ^ key[$0.offset % 4] }
        } else {
            frame += payload
        }
        _ = frame.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads frames until a close frame (its status code) or the end of the connection (nil); data frames the
    /// server pushes meanwhile (telemetry) are skipped.
    func closeCode() -> UInt16? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            // Parse whole frames from the front of the buffer.
            while buffer.count >= 2 {
                var length = Int(buffer[1] & 0x7F)
                var offset = 2
                if length == 126 {
                    guard buffer.count >= 4 else { break }
                    length = Int(buffer[2]) << 8 | Int(buffer[3])
                    offset = 4
                } else if length == 127 {
                    guard buffer.count >= 10 else { break }
                    length = buffer[2..<10].reduce(0) { $0 << 8 | Int($1) }
                    offset = 10
                }
                guard buffer.count >= offset + length else { break }
                if buffer[0] & 0x0F == 0x8 {
                    return length >= 2 ? UInt16(buffer[offset]) << 8 | UInt16(buffer[offset + 1]) : 1005
                }
                buffer.removeFirst(offset + length)
            }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            buffer += chunk[0..<count]
        }
    }

    func close() { _ = Glibc.close(fd) }
}

extension Array where Element: Equatable {
    fileprivate func ends(with suffix: [Element]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
