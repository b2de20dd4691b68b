/// What a robot did with a command, on `robot/NAME/event` (not retained): the teacher collects them to see who
/// accepted, who refused and why, who started when, and who finished.
public struct FleetEvent: Codable, Sendable, Equatable {
    /// What happened.
    public enum Kind: String, Codable, Sendable {
        /// The command passed every check; the robot is preparing (compiling, approaching the first pose).
        case accepted
        /// The command was refused; nothing moved (`message` says why).
        case rejected
        /// The program started moving (`startedAt`; `lateMs` when after its start instant).
        case started
        /// The program played to its end.
        case finished
        /// The program was stopped (a `stop` command, or a new program).
        case stopped
        /// The program failed while playing (`message`).
        case failed
        /// A wake, sleep or say command is done.
        case done
    }

    /// The robot.
    public var robot: String
    /// The command's id (nil when it could not be read).
    public var id: String?
    /// What happened.
    public var kind: Kind
    /// Details for a person.
    public var message: String?
    /// When the event happened, wall-clock seconds.
    public var time: Double
    /// The start instant the command asked for (`started`).
    public var startAt: Double?
    /// The instant the motion actually started, wall clock (`started`).
    public var startedAt: Double?

    /// An event.
    public init(
        robot: String, id: String?, kind: Kind, message: String? = nil, time: Double, startAt: Double? = nil,
        startedAt: Double? = nil
    ) {
        self.robot = robot
        self.id = id
        self.kind = kind
        self.message = message
        self.time = time
        self.startAt = startAt
        self.startedAt = startedAt
    }
}
