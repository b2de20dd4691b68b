import Foundation
import Hummingbird
import ReachyMotion

/// `/api/daemon/*`: status, and start/stop/restart of the robot side (the HTTP server keeps running).
enum DaemonRoutes {
    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let service = env.service
        table.add(
            RouteInfo(
                method: .get, path: "/api/daemon/status", summary: "The daemon status (official DaemonStatus).",
                origin: .official)
        ) { _, _ in JSONResponse.make(service.status()) }

        table.add(
            RouteInfo(
                method: .post, path: "/api/daemon/start",
                summary: "Start taking commands again (after stop); wake_up=true also wakes the robot.",
                origin: .official,
                query: [.init(name: "wake_up", type: "boolean", description: "Wake the robot up (default false).")])
        ) { request, _ in
            let wake = try request.flag("wake_up", default: false)
            service.setDaemonState("running")
            if wake { service.startWakeUp() }
            return JSONResponse.make(["job_id": UUID().uuidString.lowercased()])
        }

        table.add(
            RouteInfo(
                method: .post, path: "/api/daemon/stop",
                summary: "Stop the robot side: moves cancelled, robot to sleep (goto_sleep=true) or motors off.",
                origin: .official,
                query: [
                    .init(
                        name: "goto_sleep", type: "boolean",
                        description: "Go to the sleep pose before switching the motors off (default true).")
                ])
        ) { request, _ in
            let sleep = try request.flag("goto_sleep", default: true)
            try service.requireRunning()
            service.setDaemonState("stopping")
            await service.moves.stopAll()
            _ = await service.robot.safeStop(mode: sleep ? .sleep : .release)
            service.setDaemonState("stopped")
            return JSONResponse.make(["job_id": UUID().uuidString.lowercased()])
        }

        table.add(
            RouteInfo(
                method: .post, path: "/api/daemon/restart",
                summary: "Stop then start the robot side (moves cancelled, the robot keeps its motor mode).",
                origin: .official)
        ) { _, _ in
            await service.moves.stopAll()
            service.robot.cancel()
            service.setDaemonState("running")
            return JSONResponse.make(["job_id": UUID().uuidString.lowercased()])
        }
    }
}
