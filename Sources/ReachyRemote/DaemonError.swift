import Foundation

/// Why the daemon could not be used, each case saying what to do.
public enum DaemonError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The address is not an http(s) URL of a host.
    case invalidURL(String)
    /// Nothing accepted a connection at the address.
    case notListening(url: String, reason: String)
    /// Something answered, but not a Reachy Mini daemon.
    case notADaemon(url: String, detail: String)
    /// The daemon runs but its robot backend does not (state `stopped`, `error`, …).
    case notRunning(url: String, state: String, error: String?)
    /// The WebSocket opened but no joint positions arrived.
    case noStream(url: String, seconds: Double, reason: String?)
    /// The link was lost while the robot was running.
    case linkLost(url: String, seconds: Double, reason: String?)
    /// A REST request failed.
    case request(url: String, status: Int?, detail: String)

    public var description: String {
        switch self {
        case .invalidURL(let text):
            return "\"\(text)\" is not a daemon address. Give its http URL, e.g. --daemon \(DaemonEndpoint.wireless) "
                + "(a Wireless robot) or --daemon http://127.0.0.1:8000 (a daemon on this computer)."
        case .notListening(let url, let reason):
            return "Nothing answers at \(url) (\(reason)). Check the address and that the daemon runs: switch the "
                + "Wireless robot on and wait for it to join the network, or start `reachy-mini-daemon` "
                + "(add --fastapi-port if it is not 8000)."
        case .notADaemon(let url, let detail):
            return "\(url) answers, but not as a Reachy Mini daemon (GET /api/daemon/status: \(detail)). Check the "
                + "address and port (the daemon listens on 8000 by default)."
        case .notRunning(let url, let state, let error):
            return "The daemon at \(url) is \(state)" + (error.map { " (\($0))" } ?? "")
                + ". Start its robot backend: `curl -X POST '\(url)/api/daemon/start?wake_up=false'` (or the "
                + "dashboard at \(url)), or restart `reachy-mini-daemon`."
        case .noStream(let url, let seconds, let reason):
            return "The daemon at \(url) sent no joint positions on /ws/sdk within \(Self.format(seconds)) s"
                + (reason.map { " (\($0))" } ?? "") + ". Check its state at \(url)/api/daemon/status and restart it "
                + "if its backend is not running."
        case .linkLost(let url, let seconds, let reason):
            return "Lost the daemon at \(url): no joint positions for \(Self.format(seconds)) s"
                + (reason.map { " (\($0))" } ?? "") + ". Check that the daemon still runs and the network; the link "
                + "comes back by itself when the daemon answers again."
        case .request(let url, let status, let detail):
            return "The daemon refused \(url)" + (status.map { " (HTTP \($0))" } ?? "") + ": \(detail)."
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
