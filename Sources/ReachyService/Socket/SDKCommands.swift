import Foundation
import ReachyMotion

/// What each `/ws/sdk` command does (the daemon's `process_command`): targets are ignored while a move runs,
/// gotos and behaviours become moves, torque switches the motor mode. Unknown commands are ignored.
enum SDKCommands {
    static func run(_ message: SDKInbound, _ service: RobotService) async throws {
        switch message.type {
        case "task":
            try runTask(message, service)
        case "set_target":
            let head = try PoseDTO.pose(rowMajor: message.head ?? [], field: "head")
            try setTarget(ValidatedTarget(head: head), service)
        case "set_full_target":
            try setTarget(
                ValidatedTarget(
                    head: try message.head.map { v throws(ServiceError) in try PoseDTO.pose(rowMajor: v, field: "head")
                    },
                    antennas: try ValidatedTarget.antennas(message.antennas, field: "antennas"),
                    bodyYaw: try ValidatedTarget.bodyYaw(message.body_yaw, field: "body_yaw")), service)
        case "set_antennas":
            try setTarget(
                ValidatedTarget(antennas: try ValidatedTarget.antennas(message.antennas ?? [], field: "antennas")),
                service)
        case "set_body_yaw":
            try setTarget(
                ValidatedTarget(bodyYaw: try ValidatedTarget.bodyYaw(message.body_yaw ?? .nan, field: "body_yaw")),
                service)
        case "goto_target":
            let duration = message.duration ?? 0.5
            try ValidatedTarget.duration(duration)
            let target = ValidatedTarget(
                head: try message.head.map { v throws(ServiceError) in try PoseDTO.pose(rowMajor: v, field: "head") },
                antennas: try ValidatedTarget.antennas(message.antennas, field: "antennas"),
                bodyYaw: try ValidatedTarget.bodyYaw(message.body_yaw, field: "body_yaw"))
            try service.requireRunning()
            try service.checkTarget(target)
            service.startGoto(target, duration: duration, method: .minjerk)
        case "wake_up":
            try service.requireRunning()
            service.startWakeUp()
        case "goto_sleep":
            try service.requireRunning()
            service.startGotoSleep()
        case "set_torque":
            // Per-motor torque (`ids`) is not supported: the whole robot switches.
            try service.requireRunning()
            try await service.setMotorMode(message.on == false ? .disabled : .enabled)
        case "set_motor_mode":
            guard let mode = message.mode.flatMap(MotorMode.init(rawValue:)) else {
                throw ServiceError.unprocessable("Field mode must be enabled, disabled or gravity_compensation.")
            }
            try service.requireRunning()
            try await service.setMotorMode(mode)
        case "stop_move":
            await service.moves.stopAll()
            service.robot.cancel()
        default:
            // set_automatic_body_yaw (fixed at connection here), recording, media, uploads…: ignored, like the
            // daemon ignores what it does not know.
            break
        }
    }

    static func setTarget(_ target: ValidatedTarget, _ service: RobotService) throws {
        try service.requireRunning()
        _ = try service.setTarget(target)  // motors off: checked, noted in the status and sent as a notice
    }

    /// A goto task: runs as a move; `task_progress` (finished, error) goes to every client when it ends.
    static func runTask(_ message: SDKInbound, _ service: RobotService) throws(ServiceError) {
        guard let uuid = message.uuid, let req = message.req else {
            throw ServiceError.unprocessable("A task needs uuid and req.")
        }
        let hub = service.hub
        @Sendable func finish(_ error: String?) { hub.broadcast(SDKOutbound.taskProgress(uuid, error: error)) }
        guard req.move_name == nil else {
            finish("play_move tasks are not supported over /ws/sdk (the daemon does not run them either).")
            return
        }
        do {
            let duration = req.duration ?? 0.5
            try ValidatedTarget.duration(duration)
            let target = ValidatedTarget(
                head: try req.head.map { v throws(ServiceError) in try PoseDTO.pose(rowMajor: v, field: "req.head") },
                antennas: try ValidatedTarget.antennas(req.antennas, field: "req.antennas"),
                bodyYaw: try ValidatedTarget.bodyYaw(req.body_yaw, field: "req.body_yaw"))
            let method = try ValidatedTarget.method(req.method, field: "req.method")
            try service.requireRunning()
            try service.checkTarget(target)
            service.startGoto(target, duration: duration, method: method) { _, outcome in
                switch outcome {
                case .completed, .ignored: finish(nil)
                case .cancelled: finish("cancelled")
                case .failed(let reason): finish(reason)
                }
            }
        } catch {
            finish(error.detail)
        }
    }
}
