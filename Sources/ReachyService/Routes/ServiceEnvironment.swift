/// What every route group needs: the robot service and the configuration.
struct ServiceEnvironment: Sendable {
    let service: RobotService
    let configuration: ServiceConfiguration

    /// The request-body limit.
    var limit: Int { configuration.maxBodyBytes }
}
