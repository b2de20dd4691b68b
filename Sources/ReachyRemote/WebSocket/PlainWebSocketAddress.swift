import Foundation

/// Where a ``PlainWebSocket`` connects, parsed from a `ws://host[:port]/path` URL (`http://` is taken as `ws://`,
/// as browsers do for the `Origin`); `wss://` and `https://` are refused, as the daemon has no TLS.
struct PlainWebSocketAddress: Sendable, Equatable {
    /// The host name or address (no brackets around IPv6).
    let host: String
    /// The TCP port (80 when the URL names none).
    let port: Int
    /// The request target: path and query, at least `/`.
    let target: String
    /// The URL as given.
    let url: String

    /// `host:port`, as connection errors name it.
    var address: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    /// The `Host` header.
    var hostHeader: String { (host.contains(":") ? "[\(host)]" : host) + (port == 80 ? "" : ":\(port)") }

    init(_ text: String) throws(PlainWebSocketError) {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty
        else { throw .invalidURL(text) }
        switch scheme {
        case "ws", "http": break
        case "wss", "https": throw .secureNotSupported(text)
        default: throw .invalidURL(text)
        }
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        port = url.port ?? 80
        let path = url.path.isEmpty ? "/" : url.path
        target = path + (url.query.map { "?" + $0 } ?? "")
        self.url = text
    }
}
