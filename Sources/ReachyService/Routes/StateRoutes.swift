import Foundation
import Hummingbird
import HummingbirdWebSocket
import ReachyMotion

/// `/api/state/*`: present pose, body yaw, antennas, the full state (flags), and its WebSocket stream.
enum StateRoutes {
    /// The `with_*` flags of `/api/state/full` and their defaults (the daemon's).
    static let flags: [(String, Bool)] = [
        ("with_control_mode", true), ("with_head_pose", true), ("with_target_head_pose", false),
        ("with_head_joints", false), ("with_target_head_joints", false), ("with_body_yaw", true),
        ("with_target_body_yaw", false), ("with_antenna_positions", true), ("with_target_antenna_positions", false),
        ("with_passive_joints", false), ("with_doa", false), ("with_imu", false), ("use_pose_matrix", false),
    ]

    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let service = env.service
        let flagQuery = flags.map {
            RouteInfo.Query(name: $0.0, type: "boolean", description: "Default \($0.1).")
        }

        table.add(
            RouteInfo(
                method: .get, path: "/api/state/full",
                summary:
                    "The robot state: every daemon field, null unless its with_* flag is on; target_* only when asked.",
                origin: .official, query: flagQuery)
        ) { request, _ in JSONResponse.make(try fullState(request, service)) }

        table.add(
            RouteInfo(
                method: .get, path: "/api/state/present_head_pose",
                summary: "The present head pose: {x,y,z,roll,pitch,yaw} or {m:[16]} with use_pose_matrix=true.",
                origin: .official,
                query: [.init(name: "use_pose_matrix", type: "boolean", description: "Default false.")])
        ) { request, _ in
            let matrix = try request.flag("use_pose_matrix", default: false)
            return JSONResponse.make(PoseDTO(try present(service).pose, matrix: matrix))
        }

        table.add(
            RouteInfo(
                method: .get, path: "/api/state/present_body_yaw", summary: "The present body yaw (radians).",
                origin: .official)
        ) { _, _ in JSONResponse.make(try present(service).joints.head.body) }

        table.add(
            RouteInfo(
                method: .get, path: "/api/state/present_antenna_joint_positions",
                summary: "The present antenna angles [right, left] (radians).", origin: .official)
        ) { _, _ in JSONResponse.make(try present(service).joints.antennas.values) }

        table.webSocket(
            RouteInfo(
                method: .get, path: "/api/state/ws/full",
                summary: "WebSocket: the full state every 1/frequency seconds (frequency=10 by default, at most 100).",
                origin: .official,
                query: [.init(name: "frequency", type: "number", description: "Messages per second (default 10).")]
                    + flagQuery)
        ) { inbound, outbound, context in
            let request = context.request
            let frequency: Double
            do {
                frequency = try request.number("frequency", default: 10)
                guard frequency > 0, frequency <= 100 else {
                    throw ServiceError.unprocessable(
                        "Query parameter frequency must be in (0, 100] (got \(frequency)).")
                }
                _ = try fullState(request, service)
            } catch let error as ServiceError {
                try await outbound.write(.text(JSONResponse.text(["status": "error", "detail": error.detail])))
                return
            }
            let period = Duration.milliseconds(Int64(1000 / frequency))
            try await service.hub.untilShutdown {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await _ in inbound {}  // until the client closes
                    }
                    group.addTask {
                        while !Task.isCancelled {
                            if let state = try? fullState(request, service) {
                                try await outbound.write(.text(JSONResponse.text(state)))
                            }
                            try await Task.sleep(for: period)
                        }
                    }
                    _ = try await group.next()
                    group.cancelAll()
                }
            }
        }
    }

    /// Present joints and pose, or 503 before the first reading.
    static func present(_ service: RobotService) throws(ServiceError) -> (joints: JointVector, pose: HeadPose) {
        guard let latest = service.robot.latest, let joints = latest.joints, let pose = latest.headPose else {
            throw ServiceError(
                .serviceUnavailable, "The robot has not answered yet (no present position); try again in a moment.")
        }
        return (joints, pose)
    }

    static func fullState(_ request: Request, _ service: RobotService) throws(ServiceError) -> FullStateDTO {
        var on: [String: Bool] = [:]
        for (name, value) in flags { on[name] = try request.flag(name, default: value) }
        let matrix = on["use_pose_matrix"] ?? false
        let (joints, pose) = try present(service)
        let robot = service.robot
        let goal = robot.latest?.goal
        var state = FullStateDTO(timestamp: Timestamp.now())
        if on["with_control_mode"] == true { state.control_mode = robot.motorMode.rawValue }
        if on["with_head_pose"] == true { state.head_pose = PoseDTO(pose, matrix: matrix) }
        if on["with_target_head_pose"] == true {
            let target = service.lastTargetHead ?? pose
            state.target_head_pose = PoseDTO(target, matrix: matrix)
        }
        if on["with_head_joints"] == true { state.head_joints = joints.head.values }
        if on["with_target_head_joints"] == true { state.target_head_joints = (goal ?? joints).head.values }
        if on["with_body_yaw"] == true { state.body_yaw = joints.head.body }
        if on["with_target_body_yaw"] == true { state.target_body_yaw = (goal ?? joints).head.body }
        if on["with_antenna_positions"] == true { state.antennas_position = joints.antennas.values }
        if on["with_target_antenna_positions"] == true {
            state.target_antennas_position = (goal ?? joints).antennas.values
        }
        // with_passive_joints, with_doa, with_imu: null all the same (no passive-joint model, microphone array or
        // IMU here).
        return state
    }
}
