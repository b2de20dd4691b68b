import NIOCore
import NIOWebSocket
import Synchronization

/// The WebSocket side of an upgraded channel: whole inbound text messages go to `onText` (or `inbound`), pings are answered
/// with pongs, a close from the server is echoed and ends the stream, and a message over the size limit closes
/// the connection (code 1009) and ends the stream with ``PlainWebSocketError/messageTooLarge(limit:)``. It pings the
/// server every `keepalive.interval` and, when nothing at all has arrived for `keepalive.silence`, closes the
/// connection and ends the stream with ``PlainWebSocketError/silent(seconds:)``, so a link that died without a TCP
/// reset (a robot gone off Wi-Fi) is noticed in seconds, not minutes.
final class PlainWebSocketFrameHandler: ChannelDuplexHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let inbound: AsyncThrowingStream<String, any Error>.Continuation
    private let onText: (@Sendable (String) -> Void)?
    private var assembler: PlainWebSocketAssembler
    private var sentClose = false
    private let keepalive: PlainWebSocketKeepalive
    private var lastHeard = NIODeadline.now()
    private var nextPing: Scheduled<Void>?
    /// Pongs received (answers to the keepalive's pings), shared with the ``PlainWebSocket``.
    let pongs: PlainWebSocket.PongCount

    init(
        inbound: AsyncThrowingStream<String, any Error>.Continuation, onText: (@Sendable (String) -> Void)?,
        maxMessageSize: Int, keepalive: PlainWebSocketKeepalive, pongs: PlainWebSocket.PongCount
    ) {
        self.pongs = pongs
        self.inbound = inbound
        self.onText = onText
        self.keepalive = keepalive
        assembler = PlainWebSocketAssembler(maxMessageSize: maxMessageSize)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        lastHeard = .now()
        schedulePing(context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        nextPing?.cancel()
    }

    /// Every interval: closes a connection silent for too long, else pings.
    private func schedulePing(_ context: ChannelHandlerContext) {
        nextPing = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(keepalive.interval)) { [self] in
            guard context.channel.isActive, !sentClose else { return }
            if NIODeadline.now() - lastHeard >= TimeAmount(keepalive.silence) {
                let (whole, attoseconds) = keepalive.silence.components
                return fail(context, .silent(seconds: Double(whole) + Double(attoseconds) * 1e-18))
            }
            let ping = WebSocketFrame(
                fin: true, opcode: .ping, maskKey: .random(), data: context.channel.allocator.buffer(capacity: 0))
            context.writeAndFlush(wrapOutboundOut(ping), promise: nil)
            schedulePing(context)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastHeard = .now()
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .ping:
            guard frame.fin else { return fail(context, .protocolViolation("a fragmented ping")) }
            let pong = WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .pong:
            pongs.value.add(1, ordering: .relaxed)
        case .connectionClose:
            // Echo the close (its status code only), then let the server close the TCP connection.
            var data = frame.unmaskedData
            let code = data.readSlice(length: min(2, data.readableBytes)) ?? ByteBuffer()
            inbound.finish()
            guard !sentClose else { return }
            // Written from this handler, the echo does not pass through `write` below: mark the close here, so a
            // send racing the server's close fails at once instead of going out after it.
            sentClose = true
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
        let opcode = unwrapOutboundIn(data).opcode
        // After a close frame (ours, or the echo of the server's), no data frame may follow (RFC 6455 §5.5.1).
        if sentClose, opcode != .connectionClose { return promise?.fail(PlainWebSocketError.closed) ?? () }
        if opcode == .connectionClose { sentClose = true }
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
        nextPing?.cancel()
        inbound.finish()
        context.fireChannelInactive()
    }

    /// Ends the stream with `error` and closes the connection (with a close frame saying why, unless one was sent).
    private func fail(_ context: ChannelHandlerContext, _ error: PlainWebSocketError) {
        nextPing?.cancel()
        inbound.finish(throwing: error)
        guard !sentClose else { return }
        var code = context.channel.allocator.buffer(capacity: 2)
        let tooLarge = error == .messageTooLarge(limit: assembler.maxMessageSize)
        let silent = if case .silent = error { true } else { false }
        code.write(webSocketErrorCode: tooLarge ? .messageTooLarge : silent ? .goingAway : .protocolError)
        sentClose = true
        let close = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: code)
        context.writeAndFlush(wrapOutboundOut(close)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
