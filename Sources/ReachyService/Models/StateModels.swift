import Foundation

/// `GET /api/state/full` answer, like the daemon's `FullState`: every one of its fields is present, null when its
/// `with_*` flag is off (or, for `passive_joints`, `doa`, `imu`, when there is no such data here); plus, only when
/// asked for, the `target_*` fields the daemon computes but drops.
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
    var passive_joints: [Double]?
    var doa: String?
    var imu: String?
    var timestamp: String

    enum Keys: String, CodingKey {
        case control_mode, head_pose, target_head_pose, head_joints, target_head_joints, body_yaw, target_body_yaw
        case antennas_position, target_antennas_position, passive_joints, doa, imu, timestamp
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        // The daemon's fields: always there, null when not asked for.
        try c.encode(control_mode, forKey: .control_mode)
        try c.encode(head_pose, forKey: .head_pose)
        try c.encode(head_joints, forKey: .head_joints)
        try c.encode(body_yaw, forKey: .body_yaw)
        try c.encode(antennas_position, forKey: .antennas_position)
        try c.encode(passive_joints, forKey: .passive_joints)
        try c.encode(doa, forKey: .doa)
        try c.encode(imu, forKey: .imu)
        try c.encode(timestamp, forKey: .timestamp)
        // Ours: only when asked for.
        try c.encodeIfPresent(target_head_pose, forKey: .target_head_pose)
        try c.encodeIfPresent(target_head_joints, forKey: .target_head_joints)
        try c.encodeIfPresent(target_body_yaw, forKey: .target_body_yaw)
        try c.encodeIfPresent(target_antennas_position, forKey: .target_antennas_position)
    }
}

/// ISO 8601 timestamps in UTC with microseconds and a `Z`, as the daemon's (pydantic) datetimes read.
enum Timestamp {
    static func now() -> String { string(Date()) }

    static func string(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let micros = min(999_999, Int(((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded()))
        let whole = Date(timeIntervalSince1970: seconds).formatted(
            Date.ISO8601FormatStyle(includingFractionalSeconds: false))
        return String(whole.dropLast()) + "." + String(format: "%06d", micros) + "Z"
    }
}
