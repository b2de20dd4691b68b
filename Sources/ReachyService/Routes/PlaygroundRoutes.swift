import HTTPTypes
import Hummingbird
import NIOCore
import ReachyPlayground

/// `GET /` and `GET /playground/<file>`: the Bop playground's static files. With `--token`, the playground's address
/// takes the token once as `/?token=…`: the answer stores it in the playground's cookie (`AccessToken`) and sends the
/// browser on to the same address without it, so the page, its scripts, its API calls and its WebSocket all carry the
/// cookie and the token leaves the address bar and the history.
enum PlaygroundRoutes {
    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let protected = env.configuration.token != nil
        table.add(
            RouteInfo(
                method: .get, path: "/",
                summary: "The Bop playground page (with --token: open /?token=… once; the token is kept in a cookie).",
                origin: .ours)
        ) { request, _ in
            // The token in the query has been checked by ServiceMiddleware.
            if protected, let token = request.uri.queryParameters["token"] {
                return enter(request, token: String(token))
            }
            return try serve("/")
        }
        table.add(
            RouteInfo(method: .get, path: "/playground/**", summary: "The playground's other files.", origin: .ours)
        ) { request, _ in
            try serve(String(request.uri.path.dropFirst("/playground".count)))
        }
    }

    /// Whether `request` is for the playground's address, the one HTTP route where `?token=` is accepted.
    static func isEntry(_ request: Request) -> Bool {
        request.uri.path == "/" && (request.method == .get || request.method == .head)
    }

    /// The 401 detail for the playground's address without a token.
    static func tokenNeeded(_ request: Request) -> String {
        let address = request.head.authority.map { "http://\($0)/" } ?? "the playground's address "
        return "The playground needs the service's token: open \(address)?token=<token> once (the token `reachy serve "
            + "--token` was started with); the browser then keeps it in a cookie for this site."
    }

    /// 303 to the same address without `token`, storing it in the playground's cookie.
    static func enter(_ request: Request, token: String) -> Response {
        let others = (request.uri.query ?? "").split(separator: "&").filter {
            $0 != "token" && !$0.hasPrefix("token=")
        }
        var headers = HTTPFields()
        headers[.location] = others.isEmpty ? "/" : "/?" + others.joined(separator: "&")
        headers[.setCookie] = AccessToken.setCookie(token)
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return Response(status: .seeOther, headers: headers)
    }

    static func serve(_ path: String) throws -> Response {
        guard let file = PlaygroundSite.file(at: path) else {
            throw ServiceError.notFound(
                "The playground has no file \(path == "/" ? "index.html" : path); GET / is the playground page.")
        }
        var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
        response.headers[.contentType] = file.contentType
        response.headers[.cacheControl] = "no-cache"
        return response
    }
}
