import Foundation

/// Where the official daemon listens (`http://reachy-mini.local:8000` for a Wireless robot, `http://127.0.0.1:8000`
/// for a daemon on this computer), and the addresses derived from it: the REST API and the `/ws/sdk` WebSocket.
public struct DaemonEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// The base URL, without a trailing slash (`http://host:port`).
    public let base: String
    /// The SDK WebSocket (`ws://host:port/ws/sdk`).
    public let webSocket: String

    /// The address of a Wireless robot on the local network.
    public static let wireless = "http://reachy-mini.local:8000"

    /// Parses `text`: `http://host:port` or `https://…`; a bare `host:port` is taken as `http://host:port`.
    public init(_ text: String) throws(DaemonError) {
        var raw = text.trimmingCharacters(in: .whitespaces)
        if !raw.contains("://") { raw = "http://" + raw }
        while raw.hasSuffix("/") { raw.removeLast() }
        guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty
        else { throw .invalidURL(text) }
        guard scheme == "http" || scheme == "https" else { throw .invalidURL(text) }
        guard url.path.isEmpty || url.path == "/", url.query == nil else { throw .invalidURL(text) }
        let port = url.port.map { ":\($0)" } ?? ""
        let hostPart = host.contains(":") ? "[\(host)]" : host
        base = "\(scheme)://\(hostPart)\(port)"
        webSocket = "\(scheme == "https" ? "wss" : "ws")://\(hostPart)\(port)/ws/sdk"
    }

    /// The full URL of a REST path such as `/api/daemon/status`.
    public func url(_ path: String) -> String { base + path }

    public var description: String { base }
}
