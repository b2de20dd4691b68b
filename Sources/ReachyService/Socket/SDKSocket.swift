import Foundation
import HTTPTypes
import HummingbirdWebSocket
import Logging
import NIOWebSocket
import ReachyMotion

/// `/ws/sdk`: the official SDK's channel. The server pushes `joint_positions` and `head_pose` at 50 Hz,
/// `daemon_status` at 1 Hz and `task_progress` when a task ends (every client gets every message, through its own
/// 100-message queue that drops the oldest); the client sends fire-and-forget commands and `task` requests.
enum SDKSocket {
    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let service = env.service
        let limit = env.limit
        table.webSocket(
            RouteInfo(
                method: .get, path: "/ws/sdk",
                summary: "The official SDK WebSocket (joint_positions, head_pose, daemon_status, task_progress; "
                    + "commands and goto tasks).", origin: .official)
        ) { inbound, outbound, context in
            let (id, stream) = service.hub.subscribe()
            defer { service.hub.unsubscribe(id) }
            // The first status right away, so a client waiting for it does not wait a second.
            try await outbound.write(.text(JSONResponse.text(service.status())))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await message in stream { try await outbound.write(.text(message)) }
                    // The stream ended (shutdown): close the socket. Not when the reading side ended first (this task
                    // is cancelled then): the close it chose (1000, or 1007 for text that is not UTF-8) must win.
                    if !Task.isCancelled { try? await outbound.close(.goingAway, reason: "server shutting down") }
                }
                group.addTask {
                    for try await message in inbound.messages(maxSize: limit) {
                        guard case .text(let text) = message else { continue }
                        await handle(text, service, logger: context.logger)
                    }
                }
                // Whichever side ends first ends the connection.
                _ = try await group.next()
                group.cancelAll()
            }
        }
    }

    /// One client message: a command (fire-and-forget) or a task.
    static func handle(_ text: String, _ service: RobotService, logger: Logger) async {
        let message: SDKInbound
        do {
            message = try JSONBody.decode(SDKInbound.self, from: Data(text.utf8))
        } catch {
            logger.warning("/ws/sdk: ignoring an invalid message: \(error.detail)")
            return
        }
        do {
            try await SDKCommands.run(message, service)
        } catch let error as ServiceError {
            logger.warning("/ws/sdk: \(message.type) refused: \(error.detail)")
        } catch {
            logger.warning("/ws/sdk: \(message.type) failed: \(error)")
        }
    }
}
