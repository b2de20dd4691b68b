/// What went wrong talking to the broker or to the fleet, with what to do about it.
public enum FleetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The broker address cannot be used.
    case invalidBroker(String)
    /// Nothing answers at the broker's address.
    case brokerUnreachable(host: String, port: Int, reason: String)
    /// The broker answered but refused us (bad login, not authorised).
    case refused(host: String, port: Int, reason: String)
    /// TLS could not be set up (a certificate file is missing or unreadable).
    case tls(String)
    /// A name (robot, group, class) cannot be used in a topic.
    case invalidName(kind: String, value: String)
    /// A message could not be sent.
    case publishFailed(topic: String, reason: String)
    /// libmosquitto itself failed.
    case library(String)

    public var description: String {
        switch self {
        case .invalidBroker(let message): message
        case .brokerUnreachable(let host, let port, let reason):
            "Cannot reach the MQTT broker at \(host):\(port) (\(reason)). Start one there (Debian: `apt-get install "
                + "mosquitto`, then `mosquitto -p \(port)`, or `systemctl start mosquitto`), or give another with "
                + "--broker/--fleet mqtt://HOST:PORT (docs/classroom.md)."
        case .refused(let host, let port, let reason):
            "The MQTT broker at \(host):\(port) refused the connection: \(reason). Check the user name and password "
                + "(mqtt://USER:PASSWORD@HOST or REACHY_BROKER_PASSWORD) or the TLS certificates (docs/classroom.md)."
        case .tls(let message): "TLS: \(message)"
        case .invalidName(let kind, let value):
            "The \(kind) \"\(value)\" cannot be used: 1 to 64 letters, digits, '-' or '_' (no spaces, '/', '+' or '#')."
        case .publishFailed(let topic, let reason): "Could not send to \(topic): \(reason)."
        case .library(let message): "libmosquitto: \(message)"
        }
    }
}
