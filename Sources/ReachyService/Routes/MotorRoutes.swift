import Hummingbird
import ReachyMotion

/// `/api/motors/*`: the motor mode.
enum MotorRoutes {
    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let service = env.service
        table.add(
            RouteInfo(
                method: .get, path: "/api/motors/status",
                summary: "The motor mode: {\"mode\": \"enabled|disabled|gravity_compensation\"}.", origin: .official)
        ) { _, _ in JSONResponse.make(["mode": service.robot.motorMode.rawValue]) }

        table.add(
            RouteInfo(
                method: .post, path: "/api/motors/set_mode/{mode}",
                summary: "Switch the motors: enabled (torque on where they are) or disabled (torque off); "
                    + "gravity_compensation answers 409.", origin: .official)
        ) { _, context in
            let raw = context.parameters.get("mode") ?? ""
            guard let mode = MotorMode(rawValue: raw) else {
                throw ServiceError.unprocessable(
                    "Path parameter mode must be enabled, disabled or gravity_compensation (got \"\(raw)\").")
            }
            try service.requireRunning()
            try await service.setMotorMode(mode)
            return JSONResponse.make(["status": "motors changed to \(mode.rawValue) mode"])
        }
    }
}
