import NIOCore
import NIOWebSocket

/// The WebSocket side of an upgraded channel: whole inbound text messages go to `onText` (or `inbound`), pings are answered
/// with pongs, a close from the server is echoed and ends the stream, and a message over the size limit closes
/// the connection (code 1009) and ends the stream with ``PlainWebSocketError/messageTooLarge(limit:)``.
final class PlainWebSocketFrameHandler: ChannelDuplexHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let inbound: AsyncThrowingStream<String, any Error>.Continuation
    private let onText: (@Sendable (String) -> Void)?
    private var assembler: PlainWebSocketAssembler
    private var sentClose = false

    init(
        inbound: AsyncThrowingStream<String, any Error>.Continuation, onText: (@Sendable (String) -> Void)?,
        maxMessageSize: Int
    ) {
        self.inbound = inbound
        self.onText = onText
        assembler = PlainWebSocketAssembler(maxMessageSize: maxMessageSize)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .ping:
            guard frame.fin else { return fail(context, .protocolViolation("a fragmented ping")) }
            let pong = WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            // Echo the close (its status code only), then let the server close the TCP connection.
            var data = frame.unmaskedData
            let code = data.readSlice(length: min(2, data.readableBytes)) ?? ByteBuffer()
            inbound.finish()
            guard !sentClose else { return }
            let close = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: code)
            context.writeAndFlush(wrapOutboundOut(close), promise: nil)
        case .text, .binary, .continuation:
            do {
                if case .text(let text) = try assembler.take(frame) {
                    if let onText { onText(text) } else { inbound.yield(text) }
                }
            } catch {
                fail(context, error)
            }
        default:
            break
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if unwrapOutboundIn(data).opcode == .connectionClose { sentClose = true }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? NIOWebSocketError, error == .invalidFrameLength {
            // The frame decoder refuses a single frame over the limit (its maxFrameSize is the message limit).
            return fail(context, .messageTooLarge(limit: assembler.maxMessageSize))
        }
        fail(context, .protocolViolation(String(describing: error)))
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbound.finish()
        context.fireChannelInactive()
    }

    /// Ends the stream with `error` and closes the connection (with a close frame saying why, unless one was sent).
    private func fail(_ context: ChannelHandlerContext, _ error: PlainWebSocketError) {
        inbound.finish(throwing: error)
        guard !sentClose else { return }
        var code = context.channel.allocator.buffer(capacity: 2)
        let tooLarge = error == .messageTooLarge(limit: assembler.maxMessageSize)
        code.write(webSocketErrorCode: tooLarge ? .messageTooLarge : .protocolError)
        let close = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: code)
        context.writeAndFlush(wrapOutboundOut(close)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
