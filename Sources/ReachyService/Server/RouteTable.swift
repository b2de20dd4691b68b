import HTTPTypes
import Hummingbird
import HummingbirdWebSocket

/// One route of the service, as documented in `/openapi.json`.
struct RouteInfo: Sendable {
    /// Whether the route is the official daemon's (same path and shapes) or ReachyBridge's own.
    enum Origin: String, Sendable {
        case official
        case ours
        /// An official route answered with 501 (not implemented here).
        case notImplemented = "not_implemented"
    }

    /// A query parameter.
    struct Query: Sendable {
        var name: String
        /// boolean, number, integer or string.
        var type: String
        var description: String
    }

    var method: HTTPRequest.Method
    /// The path in OpenAPI form (`/api/motors/set_mode/{mode}`); also what the router matches.
    var path: String
    var summary: String
    var origin: Origin
    var query: [Query] = []
    /// What the JSON body holds (nil: no body).
    var body: String? = nil
    /// A WebSocket (upgraded from GET).
    var webSocket = false
}

/// Registers routes and records them: the router and `/openapi.json` are built from the same calls, so the
/// document cannot drift from what is served.
final class RouteTable: @unchecked Sendable {  // filled once while the application is built, then only read
    typealias Context = BasicWebSocketRequestContext
    let router: Router<Context>
    let webSocketRouter: Router<Context>
    private(set) var routes: [RouteInfo] = []

    init(router: Router<Context>, webSocketRouter: Router<Context>) {
        self.router = router
        self.webSocketRouter = webSocketRouter
    }

    /// An HTTP route.
    func add(
        _ info: RouteInfo, _ handler: @escaping @Sendable (Request, Context) async throws -> Response
    ) {
        routes.append(info)
        guard info.origin == .official else {
            router.on(RouterPath(info.path), method: info.method, use: handler)
            return
        }
        // The official routes answer validation errors as the daemon does (422, pydantic's list).
        router.on(RouterPath(info.path), method: info.method) { request, context in
            do {
                return try await handler(request, context)
            } catch var error as ServiceError {
                error.officialShape = true
                throw error
            }
        }
    }

    /// A WebSocket route.
    func webSocket(
        _ info: RouteInfo,
        _ handler: @escaping WebSocketDataHandler<WebSocketRouterContext<Context>>
    ) {
        var info = info
        info.webSocket = true
        info.method = .get
        routes.append(info)
        webSocketRouter.ws(RouterPath(info.path), onUpgrade: handler)
    }
}

extension Request {
    /// A boolean query parameter (`true/false/1/0/yes/no`), or 422 naming it.
    func flag(_ name: String, default value: Bool) throws(ServiceError) -> Bool {
        guard let raw = uri.queryParameters[Substring(name)] else { return value }
        switch raw.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default:
            throw .invalid(
                "Query parameter \(name) must be true or false (got \"\(raw)\").", root: "query", field: name,
                type: "bool_parsing", msg: "Input should be a valid boolean, unable to interpret input",
                input: .string(String(raw)))
        }
    }

    /// A number query parameter, or 422 naming it.
    func number(_ name: String, default value: Double) throws(ServiceError) -> Double {
        guard let raw = uri.queryParameters[Substring(name)] else { return value }
        guard let v = Double(raw), v.isFinite else {
            throw .invalid(
                "Query parameter \(name) must be a number (got \"\(raw)\").", root: "query", field: name,
                type: "float_parsing", msg: "Input should be a valid number, unable to parse string as a number",
                input: .string(String(raw)))
        }
        return v
    }
}
