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
                throw ServiceError.invalid(
                    "Path parameter mode must be enabled, disabled or gravity_compensation (got \"\(raw)\").",
                    root: "path", field: "mode", type: "enum",
                    msg: "Input should be 'enabled', 'disabled' or 'gravity_compensation'", input: .string(raw))
            }
            try service.requireRunning()
            try await service.setMotorMode(mode)
            return JSONResponse.make(["status": "motors changed to \(pythonName(mode)) mode"])
        }
    }

    /// How the daemon prints the mode in its answer (`f"{mode}"` of its `MotorControlMode` enum).
    static func pythonName(_ mode: MotorMode) -> String {
        switch mode {
        case .enabled: "MotorControlMode.Enabled"
        case .disabled: "MotorControlMode.Disabled"
        case .gravityCompensation: "MotorControlMode.GravityCompensation"
        }
    }
}
