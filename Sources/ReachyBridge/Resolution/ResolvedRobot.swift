public import Foundation

/// "Which robot, which speaker, which configuration", decided once per run: the target (after discovery), the
/// connection to it, the motor configuration from the robot description, and where sound goes by default.
/// Every front end (the `reachy` commands, the service, applications) resolves through
/// ``ReachyConnection/resolve(fallBackToSimulator:notice:)`` and then only reads this value.
///
/// ```swift
/// let robot = try ReachyConnection.auto.resolve()
/// let mini = try await ReachyMini.connect(robot.connection, options: robot.options())
/// let voice = try robot.audio().open()
/// ```
public struct ResolvedRobot: Sendable {
    /// What was chosen.
    public let target: RobotTarget
    /// The connection to open: never `.auto`; for the built-in simulator, one simulator (in real time).
    public let connection: ReachyConnection
    /// The expected motor table, from the robot description (`hardware/reachy-mini.json`).
    public let configuration: RobotConfiguration

    /// A resolved robot (see ``ReachyConnection/resolve(fallBackToSimulator:notice:)``).
    public init(target: RobotTarget, connection: ReachyConnection, configuration: RobotConfiguration) {
        self.target = target
        self.connection = connection
        self.configuration = configuration
    }

    /// Whether nothing real moves.
    public var isSimulated: Bool { target.isSimulated }

    /// `options` with this robot's motor configuration.
    public func options(_ options: ReachyMiniOptions = ReachyMiniOptions()) -> ReachyMiniOptions {
        var options = options
        options.configuration = configuration
        return options
    }

    /// Where voice and sounds go: `wav` when given; else the daemon's speaker for a daemon, a WAV file in the
    /// temporary directory (named `temporaryName`) on the simulator, and the robot's speaker (or the ALSA `device`)
    /// on a robot.
    public func audio(wav: URL? = nil, device: String? = nil, temporaryName: String? = nil) -> AudioDestination {
        if let wav { return .wavFile(wav) }
        switch target {
        case .daemon(let endpoint): return .daemon(endpoint)
        case .simulator: return .wavFile(AudioDestination.temporaryFile(temporaryName))
        case .serial: return .speaker(device: device)
        }
    }
}
