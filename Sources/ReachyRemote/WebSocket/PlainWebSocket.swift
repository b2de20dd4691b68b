import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import Synchronization

/// A WebSocket client connection over plain TCP (`ws://` only: the official daemon has no TLS), built from
/// swift-nio's HTTP/1 codec and WebSocket upgrader. Inbound text messages arrive whole (fragments joined, up to
/// `maxMessageSize` bytes) on ``messages`` (or to an `onText` handler); pings are answered; ``send(_:)`` writes a
/// text message (``write(_:)`` without waiting); ``close()`` says goodbye. Every failure is a ``PlainWebSocketError``.
public final class PlainWebSocket: Sendable {
    /// Whole inbound text messages, in order. Ends when the connection closes; throws a ``PlainWebSocketError``
    /// when it ends for a reason (a message over the size limit, a protocol violation).
    public let messages: AsyncThrowingStream<String, any Error>
    private let channel: any Channel
    private let pongCount: PongCount

    /// A counter shared by the connection's frame handler and the socket.
    final class PongCount: Sendable {
        let value = Atomic<Int>(0)
    }

    /// How many answers to the keepalive's pings have arrived (the link is checked, not only assumed).
    package var pongs: Int { pongCount.value.load(ordering: .relaxed) }

    private init(channel: any Channel, messages: AsyncThrowingStream<String, any Error>, pongs: PongCount) {
        self.pongCount = pongs
        self.channel = channel
        self.messages = messages
    }

    /// Connects to `url` (`ws://host[:port]/path`; `http://` works the same) and upgrades the connection.
    /// - Parameters:
    ///   - origin: the `Origin` header to send, if any (the daemon accepts `http://host:port`, not `ws://…`).
    ///   - maxMessageSize: the largest inbound message, all fragments together, in bytes.
    ///   - connectTimeout: how long the TCP connection may take.
    ///   - keepalive: how often to ping, and how long a silence means the link is dead.
    ///   - onText: if given, whole text messages go to it instead of ``messages``, on the connection's own thread
    ///     as they arrive (keep it short and non-blocking); ``messages`` then only ends (or throws). For a reader
    ///     that must keep up even when Swift's cooperative threads are busy, as a control loop's link must.
    public static func connect(
        to url: String, origin: String? = nil, maxMessageSize: Int = 1 << 20,
        connectTimeout: Duration = .seconds(3), keepalive: PlainWebSocketKeepalive = .standard,
        onText: (@Sendable (String) -> Void)? = nil
    ) async throws(PlainWebSocketError) -> PlainWebSocket {
        let address = try PlainWebSocketAddress(url)
        let (messages, inbound) = AsyncThrowingStream<String, any Error>.makeStream()
        let pongs = PongCount()
        let upgraded = MultiThreadedEventLoopGroup.singleton.any().makePromise(of: Void.self)
        let upgrader = NIOWebSocketClientUpgrader(maxFrameSize: maxMessageSize, automaticErrorHandling: false) {
            channel, _ in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(
                    PlainWebSocketFrameHandler(
                        inbound: inbound, onText: onText, maxMessageSize: maxMessageSize, keepalive: keepalive,
                        pongs: pongs))
                upgraded.succeed()
            }
        }
        let bootstrap = ClientBootstrap(group: upgraded.futureResult.eventLoop)
            .connectTimeout(TimeAmount(connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    // Frames the server sends right behind its 101 answer may share a read with it: the HTTP decoder
                    // hands those bytes on (to the upgrade handler, which replays them to the frame decoder).
                    try sync.addHTTPClientHandlers(
                        leftOverBytesStrategy: .forwardBytes,
                        withClientUpgrade: (
                            upgraders: [upgrader],
                            completionHandler: { context in
                                _ = context.pipeline.syncOperations.removeHandler(
                                    name: PlainWebSocketHandshakeHandler.name)
                            }
                        ))
                    try sync.addHandler(
                        PlainWebSocketHandshakeHandler(address: address, origin: origin, upgraded: upgraded),
                        name: PlainWebSocketHandshakeHandler.name)
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: address.host, port: address.port).get()
        } catch {
            upgraded.fail(error)
            throw connectError(error, address: address)
        }
        do {
            try await upgraded.futureResult.get()
        } catch {
            channel.close(promise: nil)
            throw error as? PlainWebSocketError ?? .upgradeFailed(url: url, reason: String(describing: error))
        }
        return PlainWebSocket(channel: channel, messages: messages, pongs: pongs)
    }

    /// Sends `text` as one text message.
    public func send(_ text: String) async throws(PlainWebSocketError) {
        let frame = WebSocketFrame(
            fin: true, opcode: .text, maskKey: .random(), data: channel.allocator.buffer(string: text))
        do {
            try await channel.writeAndFlush(frame)
        } catch {
            throw .closed
        }
    }

    /// Queues `text` as one text message without waiting, from any thread; dropped if the connection is closed.
    public func write(_ text: String) {
        let frame = WebSocketFrame(
            fin: true, opcode: .text, maskKey: .random(), data: channel.allocator.buffer(string: text))
        channel.writeAndFlush(frame, promise: nil)
    }

    /// Sends a normal close and closes the connection (after at most `timeout` for the server's answer); the
    /// ``messages`` stream then ends.
    public func close(timeout: Duration = .seconds(1)) async {
        var code = channel.allocator.buffer(capacity: 2)
        code.write(webSocketErrorCode: .normalClosure)
        let frame = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: code)
        try? await channel.writeAndFlush(frame)
        let channel = self.channel
        channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            channel.close(promise: nil)
        }
        try? await channel.closeFuture.get()
    }

    static func connectError(_ error: any Error, address: PlainWebSocketAddress) -> PlainWebSocketError {
        let failures: [any Error]
        if let error = error as? NIOConnectionError {
            failures = error.connectionErrors.map(\.error) + [error.dnsAError, error.dnsAAAAError].compactMap { $0 }
        } else {
            failures = [error]
        }
        if failures.contains(where: { ($0 as? IOError)?.errnoCode == ECONNREFUSED }) {
            return .connectionRefused(address: address.address)
        }
        if failures.contains(where: { "\($0)".contains("connectTimeout") }) {
            return .connectFailed(address: address.address, reason: "connection timed out")
        }
        return .connectFailed(address: address.address, reason: String(describing: failures.first ?? error))
    }
}
