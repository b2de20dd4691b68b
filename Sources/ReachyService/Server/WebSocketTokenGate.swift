import Hummingbird
import HummingbirdCore
import NIOCore
import NIOHTTP1

/// Between the HTTP request decoder and the WebSocket upgrade, when the service has a token: a WebSocket upgrade
/// request without the right token (`Authorization: Bearer`, `?token=`, or the playground's cookie from the server's
/// own page — see `AccessToken`) is answered 401 with `WWW-Authenticate: Bearer` and a `{"detail"}` body, before the
/// upgrade machinery sees it (a refused upgrade there can only be a bare 400). The first head decides; then the gate
/// leaves the pipeline.
final class WebSocketTokenGate: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let token: String
    private var refused = false

    init(token: String) {
        self.token = token
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }  // what follows a refused upgrade request is dropped
        if case .head(let head) = Self.unwrapInboundIn(data), Self.isWebSocketUpgrade(head) {
            let given = AccessToken.presented(Self.credentials(head), queryAllowed: true)
            if let detail = AccessToken.problem(given: given, expected: token) {
                refused = true
                ConnectionRefusal.respond(
                    .unauthorized, detail: detail, headers: [("WWW-Authenticate", "Bearer")], context: context)
                return
            }
        }
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    static func isWebSocketUpgrade(_ head: HTTPRequestHead) -> Bool {
        head.headers["Upgrade"].contains { $0.lowercased().contains("websocket") }
    }

    static func credentials(_ head: HTTPRequestHead) -> AccessToken.Credentials {
        let cookies = head.headers["Cookie"]
        return AccessToken.Credentials(
            authorization: head.headers.first(name: "Authorization"),
            queryToken: URI(head.uri).queryParameters["token"].map(String.init),
            cookies: cookies.isEmpty ? nil : cookies.joined(separator: "; "),
            origin: head.headers.first(name: "Origin"), fetchSite: head.headers.first(name: "Sec-Fetch-Site"),
            authority: head.headers.first(name: "Host"))
    }
}
