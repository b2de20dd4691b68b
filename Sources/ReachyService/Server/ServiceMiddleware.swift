import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket

/// Checks the bearer token (constant-time comparison) and turns every error into `{"detail": "…"}`.
struct ServiceMiddleware: RouterMiddleware {
    typealias Context = BasicWebSocketRequestContext
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        if let token {
            guard let given = Self.presentedToken(request) else {
                return Self.unauthorized(
                    "This service needs a token: send the header \"Authorization: Bearer <token>\" "
                        + "(or ?token=<token> for a WebSocket).")
            }
            guard Self.constantTimeEqual(Array(given.utf8), Array(token.utf8)) else {
                return Self.unauthorized("The token is wrong; use the one `reachy serve --token` was started with.")
            }
        }
        do {
            return try await next(request, context)
        } catch let error as ServiceError {
            return JSONResponse.make(["detail": error.detail], status: error.status)
        } catch let error as HTTPError {
            let detail: String
            switch error.status {
            case .notFound:
                detail = "There is no \(request.method) \(request.uri.path) here; GET /openapi.json lists every route."
            case .methodNotAllowed:
                detail = "\(request.uri.path) does not take \(request.method); GET /openapi.json lists every route."
            case .contentTooLarge:
                detail = "The request body is too large; send a smaller body."
            default:
                detail = error.body ?? error.status.reasonPhrase
            }
            return JSONResponse.make(["detail": detail], status: error.status)
        } catch let error as any HTTPResponseError {
            return JSONResponse.make(["detail": error.status.reasonPhrase], status: error.status)
        }
    }

    /// The token from `Authorization: Bearer …` or the `token` query parameter.
    static func presentedToken(_ request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]) }
            return ""
        }
        return request.uri.queryParameters["token"].map(String.init)
    }

    /// Compares without stopping at the first difference (the time does not tell how much of a guess is right).
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt(bitPattern: a.count ^ b.count)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= UInt(x ^ y)
        }
        return difference == 0
    }

    static func unauthorized(_ detail: String) -> Response {
        var response = JSONResponse.make(["detail": detail], status: .unauthorized)
        response.headers[.wwwAuthenticate] = "Bearer"
        return response
    }
}
