import NIOCore
import NIOHTTP1

/// Sends the upgrade request once connected, and fails the upgrade when the server answers with a plain HTTP
/// response (the upgrade handler passes any status but 101 on) or the connection breaks first. Removed from the
/// pipeline when the upgrade succeeds.
final class PlainWebSocketHandshakeHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    static let name = "reachy.websocket.handshake"

    private let address: PlainWebSocketAddress
    private let origin: String?
    private let upgraded: EventLoopPromise<Void>

    init(address: PlainWebSocketAddress, origin: String?, upgraded: EventLoopPromise<Void>) {
        self.address = address
        self.origin = origin
        self.upgraded = upgraded
    }

    func channelActive(context: ChannelHandlerContext) {
        var headers = HTTPHeaders([("Host", address.hostHeader)])
        if let origin { headers.add(name: "Origin", value: origin) }
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: address.target, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let response) = unwrapInboundIn(data) {
            upgraded.fail(PlainWebSocketError.upgradeRefused(url: address.url, status: Int(response.status.code)))
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        upgraded.fail(PlainWebSocketError.upgradeFailed(url: address.url, reason: String(describing: error)))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        upgraded.fail(PlainWebSocketError.upgradeFailed(url: address.url, reason: "the server closed the connection"))
        context.fireChannelInactive()
    }
}
