import NIOCore
import NIOHTTP1

/// Right after the HTTP request decoder, until the first request head: a request the decoder rejects (an unknown
/// method, bytes that are not HTTP, another HTTP version, headers beyond `HTTPLimits`) is answered 400 — 431 for
/// headers too large — with a `{"detail"}` body, and the connection is closed. (Hummingbird answers parse errors
/// only after a first head has gone through; before that the error was dropped and the connection kept open.) Once
/// a head has arrived the handler leaves the pipeline and later parse errors get Hummingbird's 400 and close.
final class MalformedRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private var answered = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parseError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !answered else { return }
        answered = true
        let (status, detail) = Self.answer(to: parseError)
        ConnectionRefusal.respond(status, detail: detail, context: context)
    }

    /// The status and message for a parse error.
    static func answer(to error: HTTPParserError) -> (HTTPResponseStatus, String) {
        switch error {
        case .headerOverflow:
            (
                .requestHeaderFieldsTooLarge,
                "The request's headers are too large: at most \(HTTPLimits.maxHeaderFieldCount) fields, "
                    + "\(HTTPLimits.maxHeaderFieldSize / 1024) KiB per field and \(HTTPLimits.maxHeaderListSize / 1024) "
                    + "KiB in all. Send fewer or smaller headers."
            )
        case .invalidMethod:
            (
                .badRequest,
                "The request method is not an HTTP method; use GET, HEAD, POST, PUT, DELETE or OPTIONS "
                    + "(GET /openapi.json lists every route)."
            )
        case .invalidVersion:
            (
                .badRequest,
                "Only HTTP/1.0 and HTTP/1.1 are served here (no HTTP/2 without TLS); send an HTTP/1.1 request."
            )
        default:
            (.badRequest, "The request is not valid HTTP/1.1 (\(error)); check what the client sends.")
        }
    }
}
