import Foundation

/// Where the MQTT broker is and how to log in: `mqtt://[USER[:PASSWORD]@]HOST[:PORT]` (1883 by default) or
/// `mqtts://…` (TLS, 8883 by default; see ``tls``).
///
/// ```swift
/// let broker = try BrokerAddress(parsing: "mqtt://teacher-laptop.local")
/// ```
public struct BrokerAddress: Sendable, Equatable, CustomStringConvertible {
    /// The broker's host name or address.
    public var host: String
    /// Its TCP port.
    public var port: Int
    /// The broker login (nil: anonymous).
    public var username: String?
    /// The password of ``username``.
    public var password: String?
    /// TLS settings (`mqtts://`); nil: plain TCP.
    public var tls: TLS?

    /// TLS files (PEM): the broker's certificate authority, and this client's certificate and key when the broker
    /// asks for client certificates (`require_certificate true`).
    public struct TLS: Sendable, Equatable {
        /// The certificate authority that signed the broker's certificate.
        public var caFile: String
        /// This client's certificate (nil: none).
        public var certFile: String?
        /// This client's private key (nil: none).
        public var keyFile: String?

        /// TLS settings from file paths.
        public init(caFile: String, certFile: String? = nil, keyFile: String? = nil) {
            self.caFile = caFile
            self.certFile = certFile
            self.keyFile = keyFile
        }
    }

    /// A broker address from its parts.
    public init(host: String, port: Int = 1883, username: String? = nil, password: String? = nil, tls: TLS? = nil) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.tls = tls
    }

    /// Parses `mqtt://HOST[:PORT]` or `mqtts://HOST[:PORT]`, with an optional `USER[:PASSWORD]@`.
    /// - Throws: ``FleetError/invalidBroker(_:)`` with what a valid address looks like.
    public init(parsing text: String) throws(FleetError) {
        let example = "use mqtt://HOST[:PORT], e.g. mqtt://127.0.0.1:1883 (mqtts:// for TLS)"
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "mqtt" || scheme == "mqtts"
        else {
            throw .invalidBroker("\"\(text)\" is not a broker address: \(example).")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalidBroker("\"\(text)\" names no host: \(example).")
        }
        let secure = scheme == "mqtts"
        let port = components.port ?? (secure ? 8883 : 1883)
        guard (1...65535).contains(port) else {
            throw .invalidBroker("\"\(text)\": the port must be 1…65535.")
        }
        guard components.path.isEmpty || components.path == "/" else {
            throw .invalidBroker("\"\(text)\" has a path; \(example).")
        }
        self.init(
            host: host, port: port, username: components.user?.removingPercentEncoding,
            password: components.password?.removingPercentEncoding)
        if secure { tls = TLS(caFile: "") }
    }

    /// Whether the address asks for TLS.
    public var isSecure: Bool { tls != nil }

    /// `mqtt://HOST:PORT` (never the password).
    public var description: String {
        let user = username.map { "\($0)@" } ?? ""
        return "\(isSecure ? "mqtts" : "mqtt")://\(user)\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }
}
