import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket

/// Checks the token (`AccessToken`: where it may travel, constant-time comparison) and turns every error into
/// `{"detail": "…"}`.
struct ServiceMiddleware: RouterMiddleware {
    typealias Context = BasicWebSocketRequestContext
    let token: String?
    /// Whether this is the WebSocket router's middleware (there `?token=` is accepted).
    let webSocket: Bool

    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        if let token {
            let entry = PlaygroundRoutes.isEntry(request)
            let given = AccessToken.presented(Self.credentials(request), queryAllowed: webSocket || entry)
            if let detail = AccessToken.problem(given: given, expected: token) {
                return Self.unauthorized(given == nil && entry ? PlaygroundRoutes.tokenNeeded(request) : detail)
            }
        }
        do {
            return try await next(request, context)
        } catch let error as ServiceError {
            return try error.response(from: request, context: context)  // pydantic's 422 shape on official routes
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

    /// What the request shows of a token.
    static func credentials(_ request: Request) -> AccessToken.Credentials {
        let cookies = request.headers[values: .cookie]
        return AccessToken.Credentials(
            authorization: request.headers[.authorization],
            queryToken: request.uri.queryParameters["token"].map(String.init),
            cookies: cookies.isEmpty ? nil : cookies.joined(separator: "; "), origin: request.headers[.origin],
            fetchSite: request.headers[secFetchSite], authority: request.head.authority)
    }

    static func unauthorized(_ detail: String) -> Response {
        var response = JSONResponse.make(["detail": detail], status: .unauthorized)
        response.headers[.wwwAuthenticate] = "Bearer"
        return response
    }
}
