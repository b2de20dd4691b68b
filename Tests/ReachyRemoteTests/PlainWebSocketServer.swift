import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// A Hummingbird WebSocket server in this process on a free port of 127.0.0.1, for the lifetime of `body`; every
/// connection to `/ws` runs `handler`.
func withWebSocketServer(
    autoPing: AutoPingSetup = .disabled,
    _ handler: @escaping WebSocketDataHandler<WebSocketRouterContext<BasicWebSocketRequestContext>>,
    body: (Int) async throws -> Void
) async throws {
    let router = Router(context: BasicWebSocketRequestContext.self)
    router.ws("/ws", onUpgrade: handler)
    let (ports, port) = AsyncStream<Int>.makeStream()
    var quiet = Logger(label: "reachy.tests.websocket-server")
    quiet.logLevel = .critical
    let app = Application(
        router: Router(),
        server: .http1WebSocketUpgrade(
            webSocketRouter: router, configuration: .init(ws: .init(maxFrameSize: 1 << 16, autoPing: autoPing))),
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in
            port.yield(channel.localAddress?.port ?? 0)
            port.finish()
        },
        logger: quiet)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next() else { return }
        defer { group.cancelAll() }
        try await body(bound)
    }
}
