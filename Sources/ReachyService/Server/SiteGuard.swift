import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket

/// Keeps other web sites away from the robot. A page from any site can send a browser to `http://127.0.0.1:8000`
/// (a form POST, a `text/plain` fetch, a WebSocket), and a site whose name resolves to 127.0.0.1 (DNS rebinding)
/// even reads the answers. So, before anything else:
/// - on a loopback address, the `Host` header must name this machine (`localhost`, `127.x.x.x`, `[::1]`);
/// - a request with an `Origin` header (every browser request a page makes, except simple GETs) must come from this
///   machine's own pages (`http://localhost:*`, `http://127.0.0.1:*`, `http://[::1]:*`), from the server's own origin,
///   or from an origin given with `--allow-origin`; WebSocket upgrades included.
/// Anything else gets 403 with what to do. Clients that are not browsers (curl, Python, the official SDK) send no
/// `Origin` and pass; a non-loopback server also needs its token (`ServiceConfiguration.validate`).
struct SiteGuard: RouterMiddleware {
    typealias Context = BasicWebSocketRequestContext
    /// Origins allowed besides this machine's, normalised (`scheme://host:port`, lowercase).
    let allowed: Set<String>
    /// Whether the server listens on a loopback address (then the `Host` header is checked).
    let loopback: Bool

    init(configuration: ServiceConfiguration) {
        allowed = Set(configuration.allowedOrigins.compactMap(Self.normalized))
        loopback = ServiceConfiguration.isLoopback(configuration.host)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        if loopback, let host = request.head.authority, !Self.isLocal(hostHeader: host) {
            return Self.forbidden(
                "This server answers only to the names of this machine (localhost, 127.0.0.1), not \"\(host)\": a web "
                    + "site whose name points here must not reach the robot. Use http://127.0.0.1 or http://localhost.")
        }
        if let origin = request.headers[.origin], !isAllowed(origin: origin, request: request) {
            return Self.forbidden(
                "Requests from web pages at \(origin) are refused: another site must not move the robot. If you trust "
                    + "that page, start the server with --allow-origin \(origin).")
        }
        return try await next(request, context)
    }

    /// The origins of local apps' web views that the official daemon lets in (Tauri's and Capacitor's), and
    /// TurboWarp Desktop's editor (`tw-editor://.`). A web site cannot send them — browsers set `Origin` from the
    /// page's real address — and a program on this machine reaches 127.0.0.1 without any `Origin` anyway.
    static let appOrigins: Set<String> = [
        "tauri://localhost", "https://tauri.localhost:443", "capacitor://localhost", "tw-editor://.",
    ]

    /// Whether a page at `origin` may call the API.
    func isAllowed(origin: String, request: Request) -> Bool {
        guard let normalized = Self.normalized(origin) else {
            return false  // "null" (sandboxed frames, file: pages) and anything unparsable
        }
        if Self.appOrigins.contains(normalized) || allowed.contains(normalized) { return true }
        guard let url = URL(string: normalized), url.scheme == "http" || url.scheme == "https", let host = url.host
        else { return false }
        if Self.isLocal(host: host) { return true }
        // The server's own origin, as the page reached it (the playground on a robot's LAN address).
        if let authority = request.head.authority {
            let scheme = url.scheme ?? "http"
            if normalized == Self.normalized("\(scheme)://\(authority)") { return true }
        }
        return false
    }

    /// `scheme://host:port` in lower case with the default port spelled out, or nil when `origin` is not one.
    /// WebSocket client libraries send `ws://host` (read as `http://host`) where a browser sends the page's origin.
    /// An app's own scheme (`tauri://localhost`, `tw-editor://.`) is kept as written, in lower case.
    static func normalized(_ origin: String) -> String? {
        let text = origin.trimmingCharacters(in: .whitespaces).lowercased()
        if let separator = text.range(of: "://") {
            let scheme = text[..<separator.lowerBound]
            let rest = text[separator.upperBound...]
            let isWeb = ["http", "https", "ws", "wss"].contains(String(scheme))
            if !isWeb, let first = scheme.first, first.isLetter,
                scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }), !rest.isEmpty,
                !rest.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == "@" || $0.isWhitespace })
            {
                return text
            }
        }
        return webOrigin(origin)
    }

    /// ``normalized(_:)`` for http, https, ws and wss origins.
    static func webOrigin(_ origin: String) -> String? {
        guard let url = URL(string: origin.trimmingCharacters(in: .whitespaces)),
            let scheme = url.scheme.map({ ["ws": "http", "wss": "https"][$0.lowercased()] ?? $0.lowercased() }),
            scheme == "http" || scheme == "https", let host = url.host?.lowercased(), !host.isEmpty,
            url.path.isEmpty || url.path == "/", url.query == nil, url.user == nil
        else { return nil }
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "\(scheme)://\(bracketed):\(port)"
    }

    /// Whether a `Host` header (`name[:port]`) names this machine.
    static func isLocal(hostHeader: String) -> Bool {
        var name = hostHeader.lowercased()
        if name.hasPrefix("[") {
            name = String(name.dropFirst().prefix { $0 != "]" })
        } else if let colon = name.lastIndex(of: ":") {
            name = String(name[..<colon])
        }
        return isLocal(host: name)
    }

    /// Whether a host name is this machine.
    static func isLocal(host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == "localhost" || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    static func forbidden(_ detail: String) -> Response {
        JSONResponse.make(["detail": detail], status: .forbidden)
    }
}
