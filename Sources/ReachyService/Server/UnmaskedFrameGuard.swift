import NIOCore
import NIOHTTP1
import NIOWebSocket

/// RFC 6455 §5.1: "a server MUST close the connection upon receiving a frame that is not masked". Placed right
/// after the WebSocket frame decoder (by `UnmaskedFrameGuard.Installer`), it answers an unmasked client frame with a
/// close frame, status 1002 (protocol error), and closes the connection; the frame never reaches a route.
final class UnmaskedFrameGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias InboundOut = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private var closing = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        guard Self.unwrapInboundIn(data).maskKey != nil else {
            closing = true
            var payload = context.channel.allocator.buffer(capacity: 64)
            payload.write(webSocketErrorCode: .protocolError)
            payload.writeString("client frames must be masked (RFC 6455 5.1)")
            let frame = WebSocketFrame(fin: true, opcode: .connectionClose, data: payload)
            let written = context.eventLoop.makePromise(of: Void.self)
            context.writeAndFlush(Self.wrapOutboundOut(frame), promise: written)
            ConnectionRefusal.close(after: written.futureResult, channel: context.channel)
            return
        }
        context.fireChannelRead(data)
    }

    /// At the end of the HTTP pipeline: when the connection is upgraded to a WebSocket, puts an `UnmaskedFrameGuard`
    /// right after the frame decoder. It passes everything else through untouched, and leaves the pipeline at the
    /// upgrade or at the first plain HTTP request.
    final class Installer: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = Never

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            context.fireChannelRead(data)
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case .upgradeComplete = event as? HTTPServerUpgradeEvents {
                let pipeline = context.pipeline.syncOperations
                do {
                    let decoder = try pipeline.handler(type: ByteToMessageHandler<WebSocketFrameDecoder>.self)
                    try pipeline.addHandler(UnmaskedFrameGuard(), position: .after(decoder))
                } catch {
                    context.close(promise: nil)  // no WebSocket without the guard
                }
                pipeline.removeHandler(context: context, promise: nil)
            }
            context.fireUserInboundEventTriggered(event)
        }
    }
}
