import Foundation
import ReachyMotion

/// Server → client messages of `/ws/sdk` (the official `io/protocol.py` shapes).
enum SDKOutbound {
    struct JointPositions: Encodable {
        var type = "joint_positions"
        var head_joint_positions: [Double]
        var antennas_joint_positions: [Double]
    }

    struct HeadPoseMessage: Encodable {
        var type = "head_pose"
        var head_pose: [[Double]]
    }

    struct TaskProgress: Encodable {
        var type = "task_progress"
        var uuid: UUID
        var finished: Bool
        var error: String?
        var timestamp: String

        enum Keys: String, CodingKey { case type, uuid, finished, error, timestamp }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(type, forKey: .type)
            try c.encode(uuid.uuidString.lowercased(), forKey: .uuid)
            try c.encode(finished, forKey: .finished)
            try c.encode(error, forKey: .error)
            try c.encode(timestamp, forKey: .timestamp)
        }
    }

    static func jointPositions(_ joints: JointVector) -> String {
        JSONResponse.text(
            JointPositions(head_joint_positions: joints.head.values, antennas_joint_positions: joints.antennas.values))
    }

    static func headPose(_ pose: HeadPose) -> String { JSONResponse.text(HeadPoseMessage(head_pose: pose.rows)) }

    static func taskProgress(_ uuid: UUID, error: String?) -> String {
        JSONResponse.text(TaskProgress(uuid: uuid, finished: true, error: error, timestamp: Timestamp.now()))
    }
}

/// Client → server messages of `/ws/sdk`: every field the official client sends, all optional; `type` says which
/// command it is (unknown types are ignored, like the daemon does).
struct SDKInbound: Decodable, Sendable {
    var type: String
    var head: [Double]?
    var joints: [Double]?
    var antennas: [Double]?
    var body_yaw: Double?
    var duration: Double?
    var mode: String?
    var on: Bool?
    var ids: [String]?
    var enabled: Bool?
    var file: String?
    // task
    var uuid: UUID?
    var req: TaskRequest?

    /// A task's request (only goto is supported, like the daemon over WebSocket).
    struct TaskRequest: Decodable, Sendable {
        var head: [Double]?
        var antennas: [Double]?
        var duration: Double?
        var method: String?
        var body_yaw: Double?
        var move_name: String?
    }
}
