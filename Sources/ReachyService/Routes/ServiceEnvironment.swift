import ReachyFleet

/// What every route group needs: the robot service and the configuration.
struct ServiceEnvironment: Sendable {
    let service: RobotService
    let configuration: ServiceConfiguration
    /// The class this service's classroom page watches (`reachy serve --teach`); nil: no classroom routes.
    var classroom: FleetTeacher? = nil

    /// The request-body limit.
    var limit: Int { configuration.maxBodyBytes }
}
