import Foundation

/// How `reachy serve` listens: address, port, access token, CORS, the request-body limit and the connection limits.
public struct ServiceConfiguration: Sendable, Equatable {
    /// The address to bind (127.0.0.1 by default: only this machine can connect).
    public var host: String
    /// The TCP port (0 = any free port; the port used is reported when the server is ready).
    public var port: Int
    /// The bearer token every request must carry (`Authorization: Bearer …`; `?token=` on WebSockets; the
    /// playground's cookie, see `AccessToken`); nil means no token (allowed on a loopback address only).
    public var token: String?
    /// Web origins besides this machine's own pages (`http://localhost:*`, `http://127.0.0.1:*`) and the server's
    /// own origin whose pages may call the API (e.g. `https://turbowarp.org`). Requests from any other page are
    /// refused (403), whatever their content type; clients that are not browsers send no `Origin` and are unaffected.
    public var allowedOrigins: [String]
    /// The largest request body accepted, bytes (413 beyond).
    public var maxBodyBytes: Int
    /// The robot's name reported in the daemon status.
    public var robotName: String
    /// How long a new connection may take to send its first request head (a silent or slowloris connection is
    /// answered 408 and closed then).
    public var headerTimeout: Duration
    /// How long a keep-alive connection may stay silent between requests before it is closed. WebSockets are not
    /// affected (they are kept alive by pings).
    public var idleTimeout: Duration
    /// The most connections open at once; beyond it the oldest connection that has not sent a request yet makes
    /// room, and when there is none the new one is answered 503 and closed.
    public var maxConnections: Int

    /// A configuration; see each property.
    public init(
        host: String = "127.0.0.1", port: Int = 8000, token: String? = nil, allowedOrigins: [String] = [],
        maxBodyBytes: Int = 256 * 1024, robotName: String = "reachy_mini", headerTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(60), maxConnections: Int = 256
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.allowedOrigins = allowedOrigins
        self.maxBodyBytes = maxBodyBytes
        self.robotName = robotName
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }

    /// Whether `host` is a loopback address (127.0.0.0/8, ::1 or localhost).
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }

    /// Checks the security rules: a non-loopback address needs a token; the port is in range.
    public func validate() throws(ServiceConfigurationError) {
        guard (0...65535).contains(port) else { throw .badPort(port) }
        if let token, token.isEmpty { throw .emptyToken }
        if !Self.isLoopback(host), token == nil { throw .tokenRequired(host: host) }
        guard maxBodyBytes > 0 else { throw .badBodyLimit(maxBodyBytes) }
        guard headerTimeout > .zero else { throw .badTimeout(option: "--header-timeout", headerTimeout) }
        guard idleTimeout > .zero else { throw .badTimeout(option: "--idle-timeout", idleTimeout) }
        guard maxConnections > 0 else { throw .badConnectionLimit(maxConnections) }
        for origin in allowedOrigins where SiteGuard.normalized(origin) == nil || origin == "*" {
            throw .badOrigin(origin)
        }
    }
}

/// Why the service refuses to start.
public enum ServiceConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Binding beyond loopback without a token.
    case tokenRequired(host: String)
    /// `--token ""`.
    case emptyToken
    /// A port outside 0…65535.
    case badPort(Int)
    /// A non-positive body limit.
    case badBodyLimit(Int)
    /// An `--allow-origin` that is not `scheme://host[:port]`.
    case badOrigin(String)
    /// A header or idle timeout that is not positive.
    case badTimeout(option: String, Duration)
    /// A non-positive `--max-connections`.
    case badConnectionLimit(Int)

    public var description: String {
        switch self {
        case .tokenRequired(let host):
            "Refusing to listen on \(host) without a token: anyone on the network could move the robot. "
                + "Pass --token SECRET (clients then send \"Authorization: Bearer SECRET\"), "
                + "or keep the default --host 127.0.0.1."
        case .emptyToken: "--token must not be empty; choose a long random secret."
        case .badPort(let port): "--http-port \(port) is not a TCP port; use 1…65535 (or 0 for any free port)."
        case .badBodyLimit(let n): "The request body limit must be positive (got \(n))."
        case .badOrigin(let origin):
            "--allow-origin \"\(origin)\" is not a web origin; give one like https://turbowarp.org or "
                + "http://192.168.1.20:8601 (scheme, host and port only; \"*\" is not allowed)."
        case .badTimeout(let option, let duration):
            "\(option) must be a positive number of seconds (got \(duration))."
        case .badConnectionLimit(let n):
            "--max-connections must be at least 1 (got \(n)); the default, 256, suits a robot."
        }
    }
}
