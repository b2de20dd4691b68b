import Hummingbird
import NIOCore
import ReachyPlayground

/// `GET /` and `GET /playground/<file>`: the Bop playground's static files.
enum PlaygroundRoutes {
    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        table.add(
            RouteInfo(method: .get, path: "/", summary: "The Bop playground page.", origin: .ours)
        ) { _, _ in try serve("/") }
        table.add(
            RouteInfo(method: .get, path: "/playground/**", summary: "The playground's other files.", origin: .ours)
        ) { request, _ in
            try serve(String(request.uri.path.dropFirst("/playground".count)))
        }
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
