import Foundation
public import Hummingbird
import HummingbirdWebSocket
public import Logging
import NIOCore
public import ReachyFleet

/// The HTTP/WebSocket server of `reachy serve`: the daemon-compatible routes, ours, the playground, and
/// `/openapi.json`, all registered through one `RouteTable`.
public struct ReachyServer: Sendable {
    /// How it listens.
    public let configuration: ServiceConfiguration
    /// The robot behind it.
    public let service: RobotService
    /// The class its classroom page watches (`/playground/classroom.html`, `/api/class/*`); nil: none.
    public let classroom: FleetTeacher?

    /// A server for `service`; `configuration` is validated (a non-loopback address needs a token). With
    /// `classroom` (connected), it also serves the classroom page and its routes.
    public init(configuration: ServiceConfiguration, service: RobotService, classroom: FleetTeacher? = nil)
        throws(ServiceConfigurationError)
    {
        try configuration.validate()
        self.configuration = configuration
        self.service = service
        self.classroom = classroom
    }

    /// The route groups, in registration order.
    static var groups: [@Sendable (RouteTable, ServiceEnvironment) -> Void] {
        [
            DaemonRoutes.register, MotorRoutes.register, MoveRoutes.register, DatasetRoutes.register,
            StateRoutes.register, KinematicsRoutes.register, MediaRoutes.register, BopRoutes.register,
            BopRunRoutes.register, BopPreviewRoutes.register, BopReplayRoutes.register, NewsRoutes.register,
            DanceRoutes.register, LoopRoutes.register, PlaygroundRoutes.register, UnimplementedRoutes.register,
            SDKSocket.register,
        ]
    }

    /// The routes served (what `/openapi.json` documents).
    func makeTable() -> RouteTable {
        // HEAD answers like GET on every GET route: same status and headers (Content-Length included), no body.
        let router = Router(context: BasicWebSocketRequestContext.self, options: .autoGenerateHeadEndpoints)
        let webSocketRouter = Router(context: BasicWebSocketRequestContext.self)
        // First keep other sites out; then CORS answers the pages that are allowed (the guard has refused the rest,
        // so reflecting the request's origin only ever names an allowed one).
        let guardian = SiteGuard(configuration: configuration)
        router.add(middleware: guardian)
        router.add(
            middleware: CORSMiddleware(
                allowOrigin: .originBased, allowHeaders: [.contentType, .authorization, .accept],
                allowMethods: [.get, .post, .put, .delete, .options, .head]))
        router.add(middleware: ServiceMiddleware(token: configuration.token, webSocket: false))
        webSocketRouter.add(middleware: guardian)
        webSocketRouter.add(middleware: ServiceMiddleware(token: configuration.token, webSocket: true))
        let table = RouteTable(router: router, webSocketRouter: webSocketRouter)
        let environment = ServiceEnvironment(service: service, configuration: configuration, classroom: classroom)
        for register in Self.groups { register(table, environment) }
        if classroom != nil { ClassroomRoutes.register(table, environment) }
        let requiresToken = configuration.token != nil
        let routes = table.routes
        let openAPI = RouteInfo(
            method: .get, path: "/openapi.json", summary: "This document (OpenAPI 3.1).", origin: .official)
        let document = OpenAPIDocument.json(routes + [openAPI], requiresToken: requiresToken)
        table.add(openAPI) { _, _ in JSONResponse.bytes(document) }
        return table
    }

    /// The application; `onReady` gets the port listened on once the server accepts connections.
    public func makeApplication(
        logger: Logger = Logger(label: "reachy.serve"), onReady: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let table = makeTable()
        var logger = logger
        logger.logLevel = .critical  // connection-level noise (a client gone, a shutdown) is not for users
        return Application(
            router: table.router,
            server: .guarded(webSocketRouter: table.webSocketRouter, configuration: configuration),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "ReachyBridge"),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}
