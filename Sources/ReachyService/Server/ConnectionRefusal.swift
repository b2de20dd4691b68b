import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1

/// Answering a connection at the network level, below the router (a malformed request, a token missing on a
/// WebSocket upgrade, a header timeout, too many connections), then closing it: the answer is flushed, the sending
/// side is shut (so the client reads the answer rather than a reset), and the connection is closed for good once the
/// client has closed its side, or after `drainTime` at the latest.
enum ConnectionRefusal {
    /// How long a refused connection may keep sending before it is closed regardless.
    static let drainTime = TimeAmount.seconds(1)

    /// The JSON body every refusal carries, like the routes' errors.
    static func body(_ detail: String) -> ByteBuffer {
        ByteBuffer(string: JSONResponse.text(["detail": detail]))
    }

    /// A whole HTTP/1.1 response as bytes, for handlers that sit before the HTTP encoder.
    static func rawResponse(_ status: HTTPResponseStatus, detail: String, headers: [(String, String)] = [])
        -> ByteBuffer
    {
        let body = self.body(detail)
        var text = "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\nConnection: close\r\n"
        text += "Content-Type: application/json\r\nContent-Length: \(body.readableBytes)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        var buffer = ByteBuffer(string: text + "\r\n")
        buffer.writeImmutableBuffer(body)
        return buffer
    }

    /// Writes `status` with `detail` through the HTTP encoder (from a handler placed after the request decoder),
    /// then closes.
    static func respond(
        _ status: HTTPResponseStatus, detail: String, headers extra: [(String, String)] = [],
        context: ChannelHandlerContext
    ) {
        let body = self.body(detail)
        var headers = HTTPHeaders([
            ("Connection", "close"), ("Content-Type", "application/json"),
            ("Content-Length", String(body.readableBytes)),
        ])
        headers.add(contentsOf: extra)
        let head = HTTPResponseHead(version: .http1_1, status: status, headers: headers)
        context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(body))), promise: nil)
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: written)
        close(after: written.futureResult, channel: context.channel)
    }

    /// Writes `response` (raw bytes, from a handler placed before the HTTP codec), then closes.
    static func respondRaw(_ response: ByteBuffer, context: ChannelHandlerContext) {
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(NIOAny(response), promise: written)
        close(after: written.futureResult, channel: context.channel)
    }

    /// Shuts the sending side once `written` completes, and closes the connection `drainTime` later.
    static func close(after written: EventLoopFuture<Void>, channel: any Channel) {
        written.whenComplete { _ in
            channel.close(mode: .output).whenFailure { _ in channel.close(promise: nil) }
            channel.eventLoop.scheduleTask(in: drainTime) { channel.close(promise: nil) }
        }
    }
}
