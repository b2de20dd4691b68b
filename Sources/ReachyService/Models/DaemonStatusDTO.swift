/// The daemon status (`GET /api/daemon/status`, and `daemon_status` on `/ws/sdk` once a second), shaped like the
/// official `DaemonStatus` so the official client's validation accepts it.
struct DaemonStatusDTO: Encodable, Sendable {
    var type = "daemon_status"
    var robot_name: String
    /// not_initialized, starting, running, stopping, stopped or error.
    var state: String
    var wireless_version = false
    var desktop_app_daemon = false
    var simulation_enabled: Bool
    var mockup_sim_enabled = false
    /// This service has no camera or microphone pipeline: clients skip media.
    var no_media = true
    var media_released = false
    var camera_specs_name = ""
    var backend_status: BackendStatusDTO?
    var error: String?
    var wlan_ip: String?
    /// The official daemon version this service answers like, marked as ours (`1.13.0+reachybridge`): the official
    /// client only warns when it differs from its own.
    var version: String? = DaemonStatusDTO.version
    /// See ``version``.
    static let version = "1.13.0+reachybridge"
    var hardware_id: String?
    var face_target = FaceTargetDTO()
    /// Not in the official model (ignored by its clients): what answers.
    var server = "ReachyBridge"
    /// Not in the official model (ignored by its clients): why commands do not move the robot (the motors are
    /// off), with what to do; null when they are on.
    var notice: String? = nil

    enum Keys: String, CodingKey {
        case type, robot_name, state, wireless_version, desktop_app_daemon, simulation_enabled, mockup_sim_enabled
        case no_media, media_released, camera_specs_name, backend_status, error, wlan_ip, version, hardware_id
        case face_target, server, notice
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(type, forKey: .type)
        try c.encode(robot_name, forKey: .robot_name)
        try c.encode(state, forKey: .state)
        try c.encode(wireless_version, forKey: .wireless_version)
        try c.encode(desktop_app_daemon, forKey: .desktop_app_daemon)
        try c.encode(simulation_enabled, forKey: .simulation_enabled)
        try c.encode(mockup_sim_enabled, forKey: .mockup_sim_enabled)
        try c.encode(no_media, forKey: .no_media)
        try c.encode(media_released, forKey: .media_released)
        try c.encode(camera_specs_name, forKey: .camera_specs_name)
        try c.encode(backend_status, forKey: .backend_status)
        try c.encode(error, forKey: .error)
        try c.encode(wlan_ip, forKey: .wlan_ip)
        try c.encode(version, forKey: .version)
        try c.encode(hardware_id, forKey: .hardware_id)
        try c.encode(face_target, forKey: .face_target)
        try c.encode(server, forKey: .server)
        try c.encode(notice, forKey: .notice)
    }
}

/// The official `RobotBackendStatus`.
struct BackendStatusDTO: Encodable, Sendable {
    var ready: Bool
    var motor_control_mode: String
    var last_alive: Double?
    var control_loop_stats: [String: Double]
    var error: String?

    enum Keys: String, CodingKey { case ready, motor_control_mode, last_alive, control_loop_stats, error }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(ready, forKey: .ready)
        try c.encode(motor_control_mode, forKey: .motor_control_mode)
        try c.encode(last_alive, forKey: .last_alive)
        try c.encode(control_loop_stats, forKey: .control_loop_stats)
        try c.encode(error, forKey: .error)
    }
}

/// The official `FaceTarget` (no face tracking here: never detected).
struct FaceTargetDTO: Encodable, Sendable {
    var detected = false

    enum Keys: String, CodingKey { case detected, x, y, roll, ts }

    /// Every field the daemon lists, null when nothing is detected.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(detected, forKey: .detected)
        for key in [Keys.x, .y, .roll, .ts] { try c.encodeNil(forKey: key) }
    }
}
