import Foundation
import ReachyMotion

/// `POST /api/move/goto` body (the daemon's `GotoModelRequest`).
struct GotoRequest: Codable, Sendable {
    var head_pose: PoseDTO?
    var antennas: [Double]?
    var body_yaw: Double?
    var duration: Double
    var interpolation: String?
}

/// `POST /api/move/set_target` body and `/api/move/ws/set_target` messages (the daemon's `FullBodyTarget`).
struct FullBodyTarget: Codable, Sendable {
    var target_head_pose: PoseDTO?
    var target_antennas: [Double]?
    var target_body_yaw: Double?
    var timestamp: String?
}

/// `{"uuid": "…"}`: a move started, or the move to stop.
struct MoveUUID: Codable, Sendable, Equatable {
    var uuid: UUID
    /// Not in the official answer (clients ignore it): why this move will not move anything (motors off).
    var notice: String? = nil

    /// Lower-case like Python's `str(uuid)`; `notice` only when there is one.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(uuid.uuidString.lowercased(), forKey: .uuid)
        try c.encodeIfPresent(notice, forKey: .notice)
    }
}

/// A validated target: every part checked (finite, right length, durations in range).
struct ValidatedTarget: Sendable {
    var head: HeadPose?
    var antennas: Antennas?
    var bodyYaw: Double?

    /// The longest goto accepted, seconds.
    static let maxDuration = 60.0

    static func antennas(_ values: [Double]?, field: String) throws(ServiceError) -> Antennas? {
        guard let values else { return nil }
        try FieldCheck.count(values, 2, field)
        for (i, v) in values.enumerated() {
            try FieldCheck.range(v, SafetyLimits.inputAngles, "\(field)[\(i)]", unit: "rad")
        }
        return Antennas(right: values[0], left: values[1])
    }

    /// A body yaw: finite and within ``SafetyLimits/inputAngles`` (one turn), else 422 naming `field`.
    static func bodyYaw(_ value: Double?, field: String) throws(ServiceError) -> Double? {
        guard let value else { return nil }
        try FieldCheck.range(value, SafetyLimits.inputAngles, field, unit: "rad")
        return value
    }

    static func duration(_ value: Double, field: String = "duration") throws(ServiceError) {
        try FieldCheck.finite(value, field)
        guard value > 0, value <= maxDuration else {
            throw .invalid(
                "Field \(field) must be more than 0 and at most \(Int(maxDuration)) seconds (got \(value)).",
                field: field, input: .number(value))
        }
    }

    static func method(_ name: String?, field: String = "interpolation") throws(ServiceError) -> InterpolationMethod {
        guard let name else { return .minjerk }
        guard let method = InterpolationMethod(rawValue: name) else {
            throw .invalid(
                "Field \(field) must be one of linear, minjerk, ease_in_out, cartoon (got \"\(name)\").",
                field: field, type: "enum", msg: "Input should be 'linear', 'minjerk', 'ease_in_out' or 'cartoon'",
                input: .string(name))
        }
        return method
    }
}
