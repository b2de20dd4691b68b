import Foundation

/// `GET /api/state/full` answer: only the fields whose `with_*` flag is on (plus `timestamp`), like the
/// daemon's `FullState`, plus the target fields the daemon computes but drops.
struct FullStateDTO: Encodable, Sendable {
    var control_mode: String?
    var head_pose: PoseDTO?
    var target_head_pose: PoseDTO?
    var head_joints: [Double]?
    var target_head_joints: [Double]?
    var body_yaw: Double?
    var target_body_yaw: Double?
    var antennas_position: [Double]?
    var target_antennas_position: [Double]?
    var passive_joints: [Double]??
    var doa: String??
    var imu: String??
    var timestamp: String

    enum Keys: String, CodingKey {
        case control_mode, head_pose, target_head_pose, head_joints, target_head_joints, body_yaw, target_body_yaw
        case antennas_position, target_antennas_position, passive_joints, doa, imu, timestamp
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(control_mode, forKey: .control_mode)
        try c.encodeIfPresent(head_pose, forKey: .head_pose)
        try c.encodeIfPresent(target_head_pose, forKey: .target_head_pose)
        try c.encodeIfPresent(head_joints, forKey: .head_joints)
        try c.encodeIfPresent(target_head_joints, forKey: .target_head_joints)
        try c.encodeIfPresent(body_yaw, forKey: .body_yaw)
        try c.encodeIfPresent(target_body_yaw, forKey: .target_body_yaw)
        try c.encodeIfPresent(antennas_position, forKey: .antennas_position)
        try c.encodeIfPresent(target_antennas_position, forKey: .target_antennas_position)
        // Asked for but not available (no passive-joint model, no microphone array, no IMU): explicit null.
        if let passive_joints { try c.encode(passive_joints, forKey: .passive_joints) }
        if let doa { try c.encode(doa, forKey: .doa) }
        if let imu { try c.encode(imu, forKey: .imu) }
        try c.encode(timestamp, forKey: .timestamp)
    }
}

/// ISO 8601 timestamps with milliseconds, in UTC.
enum Timestamp {
    static func now() -> String { string(Date()) }

    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
