import Foundation
import HTTPTypes
import HummingbirdTesting
import ReachyBridge
import Testing

@testable import ReachyService

/// Hostile input at the HTTP level (issue 13, point 5): malformed requests are answered 400/431 and closed, silent
/// and slowloris connections are cut, the number of connections is capped, `HEAD` answers like `GET`, and the
/// service keeps answering while all of that goes on.
@Suite(.serialized) struct HTTPHygieneTests {
    typealias H = ServiceHarness

    /// Sends `request` on a fresh connection; the whole answer and whether the server closed the connection.
    static func exchange(port: Int, _ request: String, timeout: Double = 10) throws -> (text: String, closed: Bool) {
        let fd = try RawHTTP.connect(port: port, timeout: timeout)
        defer { close(fd) }
        RawHTTP.send(fd, request)
        return RawHTTP.receiveAll(fd)
    }

    /// Whether the server has closed `fd` (reads what is pending without waiting).
    static func isClosed(_ fd: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count == 0 { return true }
            if count < 0 { return errno != EAGAIN && errno != EWOULDBLOCK }
        }
    }

    static func statusStillAnswers(port: Int) throws {
        let answer = try RawHTTP.get(port: port, path: "/api/daemon/status", host: "127.0.0.1:\(port)")
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
    }

    @Test func malformedRequestsAreAnswered400Or431AndClosed() async throws {
        try await H.withService { client, _ in
            let port = try #require(client.port)
            let big = String(repeating: "a", count: 100 * 1024)
            let many = (0..<2000).map { "X-Header-\($0): \($0)\r\n" }.joined()
            let cases: [(String, String, String)] = [
                ("unknown method", "FROB / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "400"),
                ("raw bytes", "\u{01}\u{02}\u{03}\u{7F} not http at all\r\n\r\n", "400"),
                ("100 KB header", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(big)\r\n\r\n", "431"),
                ("2,000 headers", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\(many)\r\n", "431"),
                ("HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "400"),
            ]
            for (name, request, status) in cases {
                let started = ContinuousClock.now
                let answer = try Self.exchange(port: port, request)
                #expect(answer.text.hasPrefix("HTTP/1.1 \(status)"), "\(name): \(answer.text.prefix(300))")
                #expect(answer.text.contains(#"{"detail":"#), "\(name): \(answer.text.prefix(300))")
                #expect(answer.closed, "\(name): the connection must be closed")
                #expect(
                    ContinuousClock.now - started < .seconds(5),
                    "\(name): closed only after \(ContinuousClock.now - started)")
            }
            try Self.statusStillAnswers(port: port)
        }
    }

    @Test func silentAndSlowlorisConnectionsAreClosedAtTheHeaderTimeout() async throws {
        let quick: @Sendable (inout ServiceConfiguration) -> Void = { $0.headerTimeout = .seconds(2) }
        try await H.withService(configure: quick) { client, _ in
            let port = try #require(client.port)
            let started = ContinuousClock.now
            let silent = try RawHTTP.connect(port: port, timeout: 20)
            defer { close(silent) }
            let trickle = try RawHTTP.connect(port: port, timeout: 20)
            defer { close(trickle) }
            RawHTTP.send(trickle, "GET /api/daemon/status HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            var silentClosed: Duration?
            var trickleClosed: Duration?
            var line = 0
            while ContinuousClock.now - started < .seconds(15), silentClosed == nil || trickleClosed == nil {
                try await Task.sleep(for: .milliseconds(250))
                if trickleClosed == nil {
                    line += 1
                    RawHTTP.send(trickle, "X-Slow-\(line): still coming\r\n")
                    if Self.isClosed(trickle) { trickleClosed = ContinuousClock.now - started }
                }
                if silentClosed == nil, Self.isClosed(silent) { silentClosed = ContinuousClock.now - started }
                try Self.statusStillAnswers(port: port)
            }
            let silentTime = try #require(silentClosed, "a silent connection must be closed")
            let trickleTime = try #require(trickleClosed, "a slowloris connection must be closed")
            #expect(silentTime >= .seconds(1.5) && silentTime < .seconds(5), "silent closed after \(silentTime)")
            #expect(trickleTime >= .seconds(1.5) && trickleTime < .seconds(5), "slowloris closed after \(trickleTime)")
        }
    }

    @Test func idleKeepAliveConnectionsAreClosedButStreamingWebSocketsAreNot() async throws {
        let quick: @Sendable (inout ServiceConfiguration) -> Void = {
            $0.headerTimeout = .seconds(1)
            $0.idleTimeout = .seconds(2)
        }
        try await H.withService(configure: quick) { client, _ in
            let port = try #require(client.port)
            // A keep-alive connection that made one request and then says nothing.
            let fd = try RawHTTP.connect(port: port, timeout: 10)
            defer { close(fd) }
            let started = ContinuousClock.now
            RawHTTP.send(fd, "GET /api/daemon/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let answer = RawHTTP.receiveAll(fd)
            #expect(answer.text.hasPrefix("HTTP/1.1 200"))
            #expect(answer.closed)
            let idle = ContinuousClock.now - started
            #expect(idle >= .seconds(1.5) && idle < .seconds(6), "idle keep-alive closed after \(idle)")

            // A /ws/sdk client that only listens (sends nothing) keeps receiving well past both timeouts.
            let texts = try await H.webSocket(port: port, path: "/ws/sdk", timeout: 6) { _ in false }
            let joints = texts.filter { $0.contains("joint_positions") }.count
            #expect(joints > 150, "\(joints) joint_positions messages in 6 s: the socket was cut")
        }
    }

    @Test func connectionsAreCappedAndTheOldestSilentOnesMakeRoom() async throws {
        let capped: @Sendable (inout ServiceConfiguration) -> Void = { $0.maxConnections = 32 }
        try await H.withService(configure: capped) { client, _ in
            let port = try #require(client.port)
            var sockets: [Int32] = []
            defer { for fd in sockets { close(fd) } }
            for _ in 0..<100 { sockets.append(try RawHTTP.connect(port: port, timeout: 5)) }
            try await Task.sleep(for: .milliseconds(500))
            // The service still answers: the newest connection evicts the oldest silent one.
            try Self.statusStillAnswers(port: port)
            try await Task.sleep(for: .milliseconds(300))
            let open = sockets.filter { !Self.isClosed($0) }.count
            #expect(open <= 32, "\(open) of 100 silent connections still open with a cap of 32")
            #expect(open >= 20, "only \(open) kept: the newest silent ones should stay")
        }
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        try await H.withService { client, _ in
            let port = try #require(client.port)
            for path in ["/api/daemon/status", "/", "/openapi.json", "/playground/app.js"] {
                let get = try Self.exchange(
                    port: port, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                let head = try Self.exchange(
                    port: port, "HEAD \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                #expect(head.text.hasPrefix("HTTP/1.1 200"), "HEAD \(path): \(head.text.prefix(200))")
                let parts = head.text.components(separatedBy: "\r\n\r\n")
                #expect(parts.count == 2 && parts[1].isEmpty, "HEAD \(path) has a body: \(head.text.suffix(100))")
                let length = { (text: String) in
                    text.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                }
                #expect(length(head.text) != nil && length(head.text) == length(get.text), "HEAD \(path)")
            }
        }
    }

    @Test func invalidUTF8TextClosesTheWebSocketWith1007() async throws {
        try await H.withService { client, _ in
            let port = try #require(client.port)
            for path in ["/ws/sdk", "/api/move/ws/set_target"] {
                let (socket, response) = try RawWebSocket.open(port: port, path: path)
                defer { socket.close() }
                #expect(response.hasPrefix("HTTP/1.1 101"), "\(response.prefix(200))")
                socket.send(opcode: 0x1, payload: [0x7B, 0xC3, 0x28, 0xFF, 0x7D])
                #expect(socket.closeCode() == 1007, "\(path)")
            }
            try Self.statusStillAnswers(port: port)
        }
    }

    @Test func unmaskedClientFramesCloseTheWebSocketWith1002() async throws {
        try await H.withService { client, _ in
            let port = try #require(client.port)
            for path in ["/ws/sdk", "/api/move/ws/set_target", "/api/state/ws/full"] {
                let (socket, response) = try RawWebSocket.open(port: port, path: path)
                defer { socket.close() }
                #expect(response.hasPrefix("HTTP/1.1 101"), "\(response.prefix(200))")
                socket.send(opcode: 0x1, payload: Array(#"{"type":"set_torque","on":false}"#.utf8), masked: false)
                #expect(socket.closeCode() == 1002, "\(path)")
            }
            try Self.statusStillAnswers(port: port)
        }
    }
}
