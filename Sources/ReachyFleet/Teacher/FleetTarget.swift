/// Who a command is for.
public enum FleetTarget: Sendable, Equatable, CustomStringConvertible {
    /// Every robot of the class.
    case all
    /// The robots of a group.
    case group(String)
    /// One robot.
    case robot(String)

    /// The command topic of this target in `topics`.
    public func topic(in topics: FleetTopics) -> String {
        switch self {
        case .all: topics.commandAll
        case .group(let group): topics.commandGroup(group)
        case .robot(let robot): topics.commandRobot(robot)
        }
    }

    /// Whether a robot with this status is addressed.
    public func includes(_ robot: RobotPresence) -> Bool {
        switch self {
        case .all: true
        case .group(let group): robot.group == group
        case .robot(let name): robot.name == name
        }
    }

    public var description: String {
        switch self {
        case .all: "every robot"
        case .group(let group): "group \(group)"
        case .robot(let robot): "robot \(robot)"
        }
    }
}
