import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1

/// Every connection of `reachy serve`: Hummingbird's HTTP/1.1 channel with WebSocket upgrade, with the protections
/// it lacks put around it. The pipeline, from the socket up:
/// - `HeaderDeadlineHandler` (raw bytes): 408 and close when the first request head is not complete within
///   `headerTimeout`; eviction by `ConnectionLimiter` (503) while it waits;
/// - Hummingbird's response encoder and request decoder, with the `HTTPLimits`;
/// - `MalformedRequestHandler`: 400/431 and close for what the decoder rejects;
/// - `WebSocketTokenGate` (with a token): 401 for a WebSocket upgrade without it;
/// - Hummingbird's upgrade handler, then `UnmaskedFrameGuard.Installer`.
/// Connections beyond `ConnectionLimiter.maxConnections` with none to evict get only a 503. After the first request
/// Hummingbird closes keep-alive connections idle for `idleTimeout`.
struct GuardedHTTPChannel: ServerChildChannel {
    /// The inner channel's value, or nil for a refused connection.
    struct Value: ServerChildChannelValue {
        let upgrade: HTTP1WebSocketUpgradeChannel.Value?
        let channel: any Channel
    }

    let inner: HTTP1WebSocketUpgradeChannel
    let limiter: ConnectionLimiter
    let headerTimeout: TimeAmount
    let token: String?

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let admission = limiter.admit(channel)
        guard case .admitted(let evicted) = admission else {
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(OverCapacityResponder())
                return Value(upgrade: nil, channel: channel)
            }
        }
        evicted?.pipeline.fireUserInboundEventTriggered(ConnectionLimiter.Eviction())
        let (limiter, headerTimeout, token) = (self.limiter, self.headerTimeout, self.token)
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(
                HeaderDeadlineHandler(timeout: headerTimeout, limiter: limiter))
        }.flatMap {
            inner.setup(channel: channel, logger: logger)
        }.flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            let malformed = MalformedRequestHandler()
            try pipeline.addHandler(malformed, position: .after(decoder))
            if let token { try pipeline.addHandler(WebSocketTokenGate(token: token), position: .after(malformed)) }
            try pipeline.addHandler(UnmaskedFrameGuard.Installer())
            return Value(upgrade: value, channel: channel)
        }
    }

    func handle(value: Value, logger: Logger) async {
        if let upgrade = value.upgrade {
            await inner.handle(value: upgrade, logger: logger)
        } else {
            try? await value.channel.closeFuture.get()
        }
    }
}

extension HTTPServerBuilder {
    /// `reachy serve`'s server: HTTP/1.1 with WebSocket upgrade on `webSocketRouter`, through `GuardedHTTPChannel`
    /// with the limits of `configuration`.
    static func guarded(
        webSocketRouter: Router<BasicWebSocketRequestContext>, configuration: ServiceConfiguration
    ) -> HTTPServerBuilder {
        let webSocketResponder = webSocketRouter.buildResponder()
        let limiter = ConnectionLimiter(maxConnections: configuration.maxConnections)
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: HTTPLimits.maxHeaderFieldSize, maxHeaderListSize: HTTPLimits.maxHeaderListSize,
            maxHeaderFieldCount: HTTPLimits.maxHeaderFieldCount)
        let http1 = HTTP1Channel.Configuration(
            idleTimeout: TimeAmount(configuration.idleTimeout), httpDecoderConfiguration: decoder)
        let webSocket = WebSocketServerConfiguration(
            maxFrameSize: max(configuration.maxBodyBytes, 1 << 16), validateUTF8: true)
        let headerTimeout = TimeAmount(configuration.headerTimeout)
        let token = configuration.token
        return HTTPServerBuilder { responder in
            GuardedHTTPChannel(
                inner: HTTP1WebSocketUpgradeChannel(
                    responder: responder, webSocketResponder: webSocketResponder,
                    configuration: .init(http1: http1, ws: webSocket)),
                limiter: limiter, headerTimeout: headerTimeout, token: token)
        }
    }
}
