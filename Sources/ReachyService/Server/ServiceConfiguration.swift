import Foundation

/// How `reachy serve` listens: address, port, access token, CORS and the request-body limit.
public struct ServiceConfiguration: Sendable, Equatable {
    /// The address to bind (127.0.0.1 by default: only this machine can connect).
    public var host: String
    /// The TCP port (0 = any free port; the port used is reported when the server is ready).
    public var port: Int
    /// The bearer token every request must carry (`Authorization: Bearer …`, or `?token=` for WebSockets); nil
    /// means no token (allowed on a loopback address only).
    public var token: String?
    /// Web origins besides this machine's own pages (`http://localhost:*`, `http://127.0.0.1:*`) and the server's
    /// own origin whose pages may call the API (e.g. `https://turbowarp.org`). Requests from any other page are
    /// refused (403), whatever their content type; clients that are not browsers send no `Origin` and are unaffected.
    public var allowedOrigins: [String]
    /// The largest request body accepted, bytes (413 beyond).
    public var maxBodyBytes: Int
    /// The robot's name reported in the daemon status.
    public var robotName: String

    /// A configuration; see each property.
    public init(
        host: String = "127.0.0.1", port: Int = 8000, token: String? = nil, allowedOrigins: [String] = [],
        maxBodyBytes: Int = 256 * 1024, robotName: String = "reachy_mini"
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.allowedOrigins = allowedOrigins
        self.maxBodyBytes = maxBodyBytes
        self.robotName = robotName
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
        }
    }
}
