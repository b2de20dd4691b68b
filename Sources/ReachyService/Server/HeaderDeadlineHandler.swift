import NIOCore
import NIOHTTP1

/// First in every connection's pipeline, on raw bytes: the connection has `timeout` (`--header-timeout`) from its
/// accept to finish its first request head, and a silent or slowloris connection is answered 408 and closed then.
/// (Hummingbird's own idle timeout starts only after a first request head, so without this such a connection is held
/// forever.) While it waits, the connection may also be evicted by `ConnectionLimiter` (503). Once the head is
/// complete the handler marks the connection engaged and leaves the pipeline; later keep-alive silences are bounded
/// by the idle timeout (`--idle-timeout`), and WebSockets by their pings.
final class HeaderDeadlineHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum State {
        case waiting
        case refused
    }

    private let timeout: TimeAmount
    private let limiter: ConnectionLimiter
    private var state = State.waiting
    private var scanner = HeadEndScanner()
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount, limiter: ConnectionLimiter) {
        self.timeout = timeout
        self.limiter = limiter
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startTimer(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        startTimer(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .waiting = state else { return }  // refused: what still arrives is dropped
        let buffer = Self.unwrapInboundIn(data)
        let complete = buffer.withUnsafeReadableBytes { scanner.scan($0) }
        context.fireChannelRead(data)
        if complete {
            limiter.engaged(context.channel)
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ConnectionLimiter.Eviction {
            refuse(
                context, .serviceUnavailable,
                "Too many connections are open; this one had not sent a request yet and made room for a newer one. "
                    + "Send the request as soon as you connect.")
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func startTimer(_ context: ChannelHandlerContext) {
        guard deadline == nil, case .waiting = state else { return }
        let seconds = Double(timeout.nanoseconds) / 1e9
        let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            self.refuse(
                context, .requestTimeout,
                "The request head did not arrive within \(shown) s of connecting; send the whole head "
                    + "at once (the server's --header-timeout).")
        }
    }

    private func refuse(_ context: ChannelHandlerContext, _ status: HTTPResponseStatus, _ detail: String) {
        guard case .waiting = state else { return }
        state = .refused
        deadline?.cancel()
        deadline = nil
        ConnectionRefusal.respondRaw(ConnectionRefusal.rawResponse(status, detail: detail), context: context)
    }
}
