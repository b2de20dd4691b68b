/// Why a ``PlainWebSocket`` could not connect, send or receive; each case's description says what to do.
public enum PlainWebSocketError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not a `ws://host[:port]/path` URL.
    case invalidURL(String)
    /// A `wss://` (or `https://`) URL: the daemon has no TLS, so neither does this client.
    case secureNotSupported(String)
    /// Nothing listens at `host:port`.
    case connectionRefused(address: String)
    /// The TCP connection could not be made for another reason (name resolution, timeout, network down).
    case connectFailed(address: String, reason: String)
    /// The server answered the upgrade request with an HTTP status other than 101.
    case upgradeRefused(url: String, status: Int)
    /// The connection closed, or broke, before the upgrade finished.
    case upgradeFailed(url: String, reason: String)
    /// An inbound message (all its fragments together) was larger than the limit; the connection was closed.
    case messageTooLarge(limit: Int)
    /// The server broke the WebSocket protocol; the connection was closed.
    case protocolViolation(String)
    /// Nothing arrived (not even a pong to our pings) for `seconds`: the link is taken as dead and closed.
    case silent(seconds: Double)
    /// The connection is closed: nothing more can be sent.
    case closed

    public var description: String {
        switch self {
        case .invalidURL(let text):
            return "\"\(text)\" is not a WebSocket address. Give it as ws://host:port/path, e.g. "
                + "ws://reachy-mini.local:8000/ws/sdk."
        case .secureNotSupported(let text):
            let plain = text.replacing("wss://", with: "ws://", maxReplacements: 1)
                .replacing("https://", with: "ws://", maxReplacements: 1)
            return "\"\(text)\" asks for TLS, but the daemon speaks plain HTTP; use ws://… (here \(plain))."
        case .connectionRefused(let address):
            return "Nothing accepts connections at \(address) (connection refused). Check the host and port, and "
                + "that the server runs."
        case .connectFailed(let address, let reason):
            return "Could not connect to \(address) (\(reason)). Check the host name, the network, and that the "
                + "server runs."
        case .upgradeRefused(let url, let status):
            return "\(url) refused the WebSocket upgrade (HTTP \(status)). Check the path, and that the server "
                + "accepts WebSockets there."
        case .upgradeFailed(let url, let reason):
            return "The WebSocket upgrade of \(url) failed (\(reason)). Check that a WebSocket server listens there."
        case .messageTooLarge(let limit):
            return "The server sent a message larger than \(limit) bytes; the connection was closed. Raise "
                + "maxMessageSize if such messages are expected."
        case .protocolViolation(let detail):
            return "The server broke the WebSocket protocol (\(detail)); the connection was closed. Reconnect."
        case .silent(let seconds):
            return "The server sent nothing for \(seconds) s, not even an answer to a ping: the link is down (the "
                + "robot off the network?). The connection was closed; reconnect."
        case .closed:
            return "The WebSocket is closed; connect again before sending."
        }
    }
}
