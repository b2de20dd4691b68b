import Foundation
import Hummingbird
import HummingbirdWebSocket
import ReachyMotion

/// `/api/move/*`: goto, set_target (single and streamed), the wake-up and sleep behaviours, running moves, stop.
enum MoveRoutes {
    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let service = env.service
        let limit = env.limit

        table.add(
            RouteInfo(
                method: .post, path: "/api/move/goto",
                summary: "Go to a target in `duration` seconds → {\"uuid\"}. While another move runs it is "
                    + "ignored (it gets a UUID and ends at once), like the daemon. With the motors off it runs its "
                    + "duration without moving and the answer carries a \"notice\" saying so.",
                origin: .official,
                body: "GotoModelRequest {head_pose?: {x,y,z,roll,pitch,yaw} | {m:[16]}, antennas?: [right,left], "
                    + "body_yaw?, duration, interpolation?: linear|minjerk|ease_in_out|cartoon}")
        ) { request, _ in
            let body = try await JSONBody.decode(GotoRequest.self, from: request, limit: limit)
            try ValidatedTarget.duration(body.duration)
            let target = ValidatedTarget(
                head: try body.head_pose?.headPose(field: "head_pose"),
                antennas: try ValidatedTarget.antennas(body.antennas, field: "antennas"),
                bodyYaw: try ValidatedTarget.bodyYaw(body.body_yaw, field: "body_yaw"))
            let method = try ValidatedTarget.method(body.interpolation)
            try service.requireRunning()
            try service.checkTarget(target)
            let uuid = service.startGoto(target, duration: body.duration, method: method)
            // With the motors off the move runs its duration without moving; the answer says why.
            return JSONResponse.make(MoveUUID(uuid: uuid, notice: service.motorsAreOff ? service.motorsOffNotice : nil))
        }

        table.add(
            RouteInfo(
                method: .post, path: "/api/move/set_target",
                summary: "Set a target at once → {\"status\":\"ok\"}, or {\"status\":\"ignored\","
                    + "\"reason\":\"move_running\"} while a move runs.",
                origin: .official,
                body: "FullBodyTarget {target_head_pose?, target_antennas?: [right,left], target_body_yaw?, timestamp?}"
            )
        ) { request, _ in
            let body = try await JSONBody.decode(FullBodyTarget.self, from: request, limit: limit)
            try service.requireRunning()
            return JSONResponse.make(try apply(body, service))
        }

        table.add(
            RouteInfo(
                method: .post, path: "/api/move/stop", summary: "Stop the running move with this UUID.",
                origin: .official, body: "MoveUUID {uuid}")
        ) { request, _ in
            let body = try await JSONBody.decode(MoveUUID.self, from: request, limit: limit)
            guard await service.moves.stop(body.uuid) else {
                throw ServiceError.notFound(
                    "No running move has the UUID \(body.uuid.uuidString.lowercased()); GET /api/move/running "
                        + "lists them.")
            }
            return JSONResponse.make(["message": "Stopped move with UUID: \(body.uuid.uuidString.lowercased())"])
        }

        table.add(
            RouteInfo(
                method: .get, path: "/api/move/running", summary: "The running moves: [{\"uuid\"}].",
                origin: .official)
        ) { _, _ in JSONResponse.make(service.moves.uuids.map { MoveUUID(uuid: $0) }) }

        table.add(
            RouteInfo(
                method: .post, path: "/api/move/play/wake_up",
                summary: "Wake up (torque on, initial pose, a small head roll) → {\"uuid\"}.", origin: .official)
        ) { _, _ in
            try service.requireRunning()
            return JSONResponse.make(MoveUUID(uuid: service.startWakeUp()))
        }

        table.add(
            RouteInfo(
                method: .post, path: "/api/move/play/goto_sleep",
                summary: "Go to the sleep pose, then torque off → {\"uuid\"}.", origin: .official)
        ) { _, _ in
            try service.requireRunning()
            return JSONResponse.make(MoveUUID(uuid: service.startGotoSleep()))
        }

        table.webSocket(
            RouteInfo(
                method: .get, path: "/api/move/ws/set_target",
                summary: "WebSocket: stream FullBodyTarget JSON messages; problems come back as "
                    + "{\"status\":\"error\",\"detail\"}.",
                origin: .official)
        ) { inbound, outbound, _ in
            try await service.hub.untilShutdown {
                for try await message in inbound.messages(maxSize: limit) {
                    guard case .text(let text) = message else { continue }
                    do {
                        let target = try JSONBody.decode(FullBodyTarget.self, from: Data(text.utf8))
                        try service.requireRunning()
                        let answer = try apply(target, service)
                        // Silence means applied; anything else (ignored, motors off) is answered.
                        if answer != ["status": "ok"] { try await outbound.write(.text(JSONResponse.text(answer))) }
                    } catch let error as ServiceError {
                        try await outbound.write(
                            .text(JSONResponse.text(["status": "error", "detail": error.detail])))
                    }
                }
            }
        }
    }

    /// Validates and applies a FullBodyTarget; the daemon's answer.
    static func apply(_ body: FullBodyTarget, _ service: RobotService) throws(ServiceError) -> [String: String] {
        let target = ValidatedTarget(
            head: try body.target_head_pose?.headPose(field: "target_head_pose"),
            antennas: try ValidatedTarget.antennas(body.target_antennas, field: "target_antennas"),
            bodyYaw: try ValidatedTarget.bodyYaw(body.target_body_yaw, field: "target_body_yaw"))
        switch try service.setTarget(target) {
        case .applied: return ["status": "ok"]
        case .moveRunning: return ["status": "ignored", "reason": "move_running"]
        case .motorsOff(let notice): return ["status": "ok", "notice": notice]
        }
    }
}
