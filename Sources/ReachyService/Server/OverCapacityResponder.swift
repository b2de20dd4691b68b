import NIOCore
import NIOHTTP1

/// The only handler of a connection refused at the cap: answers 503 at once and closes.
final class OverCapacityResponder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { refuse(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        refuse(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}  // dropped

    private var refused = false

    private func refuse(_ context: ChannelHandlerContext) {
        guard !refused else { return }
        refused = true
        let response = ConnectionRefusal.rawResponse(
            .serviceUnavailable,
            detail: "Too many connections are open (the server's --max-connections); try again in a moment.",
            headers: [("Retry-After", "1")])
        ConnectionRefusal.respondRaw(response, context: context)
    }
}
