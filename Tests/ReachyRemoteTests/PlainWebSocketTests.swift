import Foundation
import HummingbirdWebSocket
import Testing

@testable import ReachyRemote

@Suite struct PlainWebSocketTests {
    @Test func textRoundTrips() async throws {
        try await withWebSocketServer { inbound, outbound, _ in
            for try await message in inbound.messages(maxSize: 1 << 16) {
                if case .text(let text) = message { try await outbound.write(.text("echo " + text)) }
            }
        } body: { port in
            let socket = try await PlainWebSocket.connect(to: "ws://127.0.0.1:\(port)/ws")
            var messages = socket.messages.makeAsyncIterator()
            for text in ["hello", "{\"type\":\"set_torque\",\"on\":true}", "é ✓"] {
                try await socket.send(text)
                #expect(try await messages.next() == "echo " + text)
            }
            await socket.close()
            #expect(try await messages.next() == nil)
        }
    }

    @Test func aHandlerGetsTheMessagesOnTheConnectionsThread() async throws {
        try await withWebSocketServer { inbound, outbound, _ in
            for try await message in inbound.messages(maxSize: 1 << 16) {
                if case .text(let text) = message { try await outbound.write(.text("echo " + text)) }
            }
        } body: { port in
            let (received, receiver) = AsyncStream<String>.makeStream()
            let socket = try await PlainWebSocket.connect(to: "ws://127.0.0.1:\(port)/ws") { receiver.yield($0) }
            socket.write("one")
            socket.write("two")
            var texts = received.makeAsyncIterator()
            #expect(await texts.next() == "echo one")
            #expect(await texts.next() == "echo two")
            await socket.close()
            #expect(try await socket.messages.first { _ in true } == nil)  // the stream only ends
        }
    }

    @Test func pingsAreAnsweredSoTheServerKeepsTheConnection() async throws {
        try await withWebSocketServer(autoPing: .enabled(timePeriod: .milliseconds(50))) { inbound, outbound, _ in
            for try await message in inbound.messages(maxSize: 1 << 16) {
                if case .text(let text) = message { try await outbound.write(.text(text)) }
            }
        } body: { port in
            let socket = try await PlainWebSocket.connect(to: "http://127.0.0.1:\(port)/ws")
            try await Task.sleep(for: .milliseconds(400))
            try await socket.send("still here")
            var messages = socket.messages.makeAsyncIterator()
            #expect(try await messages.next() == "still here")
            await socket.close()
        }
    }

    @Test func theKeepalivePingsAndAnAnsweringServerKeepsTheLink() async throws {
        // Pings every 50 ms; the server answers them. Waits for five answers (not for a time: a busy machine only
        // makes it slower), then the link still carries messages.
        try await withWebSocketServer { inbound, outbound, _ in
            for try await message in inbound.messages(maxSize: 1 << 16) {
                if case .text(let text) = message { try await outbound.write(.text("echo " + text)) }
            }
        } body: { port in
            let keepalive = PlainWebSocketKeepalive(interval: .milliseconds(50), silence: .seconds(60))
            let socket = try await PlainWebSocket.connect(to: "ws://127.0.0.1:\(port)/ws", keepalive: keepalive)
            let deadline = ContinuousClock.now + .seconds(30)
            while socket.pongs < 5, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(socket.pongs >= 5, "the server answered \(socket.pongs) pings")
            var messages = socket.messages.makeAsyncIterator()
            try await socket.send("still there?")
            #expect(try await messages.next() == "echo still there?")
            await socket.close()
        }
    }

    @Test func aLinkThatGoesSilentIsClosedWithTheReason() async throws {
        try await withWebSocketServer { inbound, _, _ in
            for try await _ in inbound.messages(maxSize: 1 << 16) {}
        } body: { port in
            let proxy = try FreezingProxy(upstreamPort: port)
            defer { proxy.close() }
            let keepalive = PlainWebSocketKeepalive(interval: .milliseconds(100), silence: .milliseconds(500))
            let socket = try await PlainWebSocket.connect(
                to: "ws://127.0.0.1:\(proxy.port)/ws", keepalive: keepalive)
            proxy.freeze()  // the robot leaves the Wi-Fi: no reset, no close, nothing
            let started = ContinuousClock.now
            let ending = try await withThrowingTaskGroup(of: PlainWebSocketError?.self) { group in
                group.addTask {
                    do {
                        for try await _ in socket.messages {}
                        return nil
                    } catch let error as PlainWebSocketError {
                        return error
                    }
                }
                group.addTask {
                    // Without the keepalive nothing would end the stream before TCP gives up (minutes).
                    try await Task.sleep(for: .seconds(20))
                    await socket.close()
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                return first
            }
            #expect(ending == .silent(seconds: 0.5), "the stream ended with \(String(describing: ending))")
            #expect(ending?.description.contains("link is down") == true)
            #expect(ContinuousClock.now - started < .seconds(30), "noticed in seconds, not when TCP gives up")
        }
    }

    @Test func aFragmentedMessageArrivesWhole() async throws {
        let piece = String(repeating: "0123456789abcdef", count: 512)  // 8 KiB
        try await withWebSocketServer { _, outbound, _ in
            try await outbound.withTextMessageWriter { writer in
                for _ in 0..<64 { try await writer(piece) }
            }
            try await outbound.write(.text("after"))
        } body: { port in
            let socket = try await PlainWebSocket.connect(to: "ws://127.0.0.1:\(port)/ws")
            var messages = socket.messages.makeAsyncIterator()
            let whole = try await messages.next()
            #expect(whole?.count == 64 * piece.utf8.count)
            #expect(whole == String(repeating: piece, count: 64))
            #expect(try await messages.next() == "after")
            #expect(try await messages.next() == nil)
        }
    }

    @Test(arguments: [true, false])
    func aMessageOverTheLimitIsRefused(fragmented: Bool) async throws {
        let piece = String(repeating: "x", count: 8192)
        try await withWebSocketServer { _, outbound, _ in
            if fragmented {
                try await outbound.withTextMessageWriter { writer in
                    for _ in 0..<8 { try await writer(piece) }
                }
            } else {
                try await outbound.write(.text(String(repeating: piece, count: 8)))
            }
            try await Task.sleep(for: .seconds(2))
        } body: { port in
            let socket = try await PlainWebSocket.connect(to: "ws://127.0.0.1:\(port)/ws", maxMessageSize: 32 * 1024)
            let error = await #expect(throws: PlainWebSocketError.messageTooLarge(limit: 32 * 1024)) {
                for try await _ in socket.messages {}
            }
            #expect(error?.description.contains("Raise maxMessageSize") == true)
        }
    }

    @Test func aServerCloseEndsTheStream() async throws {
        try await withWebSocketServer { inbound, outbound, _ in
            // Answer the first message, then return: Hummingbird closes the connection.
            var messages = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
            _ = try await messages.next()
            try await outbound.write(.text("bye"))
        } body: { port in
            let socket = try await PlainWebSocket.connect(to: "ws://127.0.0.1:\(port)/ws")
            socket.write("hi")
            var received: [String] = []
            for try await text in socket.messages { received.append(text) }
            #expect(received == ["bye"])
            await #expect(throws: PlainWebSocketError.closed) { try await socket.send("anyone?") }
        }
    }

    @Test func aRefusedConnectionNamesTheAddress() async throws {
        // Bind a port, then free it: nothing listens there.
        var port = 0
        try await withWebSocketServer { _, _, _ in
        } body: {
            port = $0
        }
        let error = await #expect(throws: PlainWebSocketError.connectionRefused(address: "127.0.0.1:\(port)")) {
            _ = try await PlainWebSocket.connect(to: "ws://127.0.0.1:\(port)/ws/sdk")
        }
        #expect(error?.description.contains("127.0.0.1:\(port) (connection refused)") == true)
    }

    @Test func aPlainHTTPAnswerRefusesTheUpgrade() async throws {
        try await withWebSocketServer { _, _, _ in
        } body: { port in
            let url = "ws://127.0.0.1:\(port)/nope"
            let error = await #expect(throws: PlainWebSocketError.self) {
                _ = try await PlainWebSocket.connect(to: url)
            }
            guard case .upgradeRefused(url, let status) = error else {
                Issue.record("expected upgradeRefused, got \(String(describing: error))")
                return
            }
            #expect((400..<500).contains(status))  // Hummingbird answers 400 where no WebSocket route matches
        }
    }

    @Test(arguments: ["wss://reachy-mini.local:8000/ws/sdk", "https://reachy-mini.local:8000/ws/sdk"])
    func secureURLsAreRefused(_ url: String) async {
        let error = await #expect(throws: PlainWebSocketError.secureNotSupported(url)) {
            _ = try await PlainWebSocket.connect(to: url)
        }
        #expect(error?.description.contains("the daemon speaks plain HTTP; use ws://") == true)
        #expect(error?.description.contains("ws://reachy-mini.local:8000/ws/sdk") == true)
    }

    @Test(arguments: ["ftp://robot/ws", "ws://", "not a url"])
    func otherURLsAreRefused(_ url: String) async {
        await #expect(throws: PlainWebSocketError.invalidURL(url)) { _ = try await PlainWebSocket.connect(to: url) }
    }
}
