/// What `GET /api/daemon/status` says (the fields this backend uses).
public struct DaemonStatus: Sendable, Equatable {
    /// `not_initialized`, `starting`, `running`, `stopping`, `stopped` or `error`.
    public var state: String
    /// The daemon's version (`1.13.0`).
    public var version: String?
    /// The robot's name.
    public var robotName: String?
    /// Started with `--no-media`: no speaker, no camera.
    public var noMedia: Bool
    /// The backend's motor mode (`enabled`, `disabled`, `gravity_compensation`), when it runs.
    public var motorMode: String?
    /// The daemon's error, if any.
    public var error: String?
    /// Whether it drives the mockup simulator.
    public var mockupSim: Bool

    /// Reads a status object; nil when `json` is not a daemon status.
    public init?(json: [String: Any]) {
        guard let state = json["state"] as? String,
            json["robot_name"] != nil || json["type"] as? String == "daemon_status"
        else { return nil }
        self.state = state
        version = json["version"] as? String
        robotName = json["robot_name"] as? String
        noMedia = json["no_media"] as? Bool ?? false
        motorMode = (json["backend_status"] as? [String: Any])?["motor_control_mode"] as? String
        error = json["error"] as? String
        mockupSim = json["mockup_sim_enabled"] as? Bool ?? false
    }

    /// Fetches and checks the status: typed errors for nothing listening, not a daemon, backend not running.
    public static func fetch(_ http: DaemonHTTP) async throws(DaemonError) -> DaemonStatus {
        let response = try await http.send("GET", "/api/daemon/status")
        return try check(response, endpoint: http.endpoint)
    }

    /// Checks a status answer (see ``fetch(_:)``).
    public static func check(_ response: DaemonHTTP.Response, endpoint: DaemonEndpoint) throws(DaemonError)
        -> DaemonStatus
    {
        guard response.status == 200, let json = response.json, let status = DaemonStatus(json: json) else {
            throw .notADaemon(
                url: endpoint.base,
                detail: response.status == 200 ? "unexpected answer \(response.text)" : "HTTP \(response.status)")
        }
        guard status.state == "running" else {
            throw .notRunning(url: endpoint.base, state: status.state, error: status.error)
        }
        return status
    }
}
