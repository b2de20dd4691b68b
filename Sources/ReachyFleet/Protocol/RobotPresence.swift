/// A robot's retained status on `robot/NAME/status`: who it is, whether it is online, what it runs. The broker
/// keeps the last one, so a teacher who connects later sees every robot at once; the robot's last will is the same
/// with `online: false`.
public struct RobotPresence: Codable, Sendable, Equatable {
    /// The robot's name in the class.
    public var name: String
    /// Its group (nil: none).
    public var group: String?
    /// Whether it is connected.
    public var online: Bool
    /// The robot model ("Reachy Mini").
    public var model: String
    /// Whether it is the built-in simulator.
    public var simulated: Bool
    /// The motor mode (enabled, disabled, gravity_compensation), or "unknown".
    public var motors: String
    /// The power supply as far as the motors tell: "ok", "simulated", or the motors reporting an input-voltage
    /// error.
    public var supply: String
    /// The service state (running, stopping, stopped, error).
    public var state: String
    /// The program running now, if any.
    public var program: RunningProgram?
    /// The `reachy` version.
    public var version: String
    /// When this status was published, wall-clock seconds.
    public var time: Double

    /// A program being played.
    public struct RunningProgram: Codable, Sendable, Equatable {
        /// The command that started it.
        public var id: String
        /// Its first line (a title for the teacher's list).
        public var title: String
        /// When it started moving (wall clock; nil while waiting for its start instant).
        public var startedAt: Double?
        /// How long it lasts, seconds.
        public var duration: Double

        /// A running program.
        public init(id: String, title: String, startedAt: Double?, duration: Double) {
            self.id = id
            self.title = title
            self.startedAt = startedAt
            self.duration = duration
        }
    }

    /// A status.
    public init(
        name: String, group: String?, online: Bool, model: String = "Reachy Mini", simulated: Bool, motors: String,
        supply: String, state: String, program: RunningProgram?, version: String, time: Double
    ) {
        self.name = name
        self.group = group
        self.online = online
        self.model = model
        self.simulated = simulated
        self.motors = motors
        self.supply = supply
        self.state = state
        self.program = program
        self.version = version
        self.time = time
    }
}
