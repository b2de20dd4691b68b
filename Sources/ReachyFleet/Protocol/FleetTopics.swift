/// The topics of one class on the broker, all under `reachy/class/CLASS/`:
///
/// - `robot/NAME/status` — retained presence and status (``RobotPresence``); the last will sets it offline.
/// - `robot/NAME/state` — the pose a few times a second (``RobotStateSample``).
/// - `robot/NAME/event` — what a robot did with a command (``FleetEvent``: accepted, rejected, started, finished…).
/// - `command/all`, `command/group/GROUP`, `command/robot/NAME` — commands (``FleetCommand``).
public struct FleetTopics: Sendable, Equatable {
    /// The class name (one broker can serve several classes).
    public let classroom: String

    /// The topics of `classroom`.
    /// - Throws: ``FleetError/invalidName(kind:value:)`` for a name that cannot be a topic level.
    public init(classroom: String) throws(FleetError) {
        try FleetTopics.check(classroom, kind: "class name")
        self.classroom = classroom
    }

    /// Every topic of the class starts with this.
    public var root: String { "reachy/class/\(classroom)" }

    /// A robot's retained status.
    public func status(_ robot: String) -> String { "\(root)/robot/\(robot)/status" }
    /// A robot's state samples.
    public func state(_ robot: String) -> String { "\(root)/robot/\(robot)/state" }
    /// A robot's events.
    public func event(_ robot: String) -> String { "\(root)/robot/\(robot)/event" }
    /// Commands for every robot of the class.
    public var commandAll: String { "\(root)/command/all" }
    /// Commands for a group.
    public func commandGroup(_ group: String) -> String { "\(root)/command/group/\(group)" }
    /// Commands for one robot.
    public func commandRobot(_ robot: String) -> String { "\(root)/command/robot/\(robot)" }

    /// Every robot's status, state or events (for a teacher).
    public var allStatus: String { "\(root)/robot/+/status" }
    /// Every robot's state samples.
    public var allStates: String { "\(root)/robot/+/state" }
    /// Every robot's events.
    public var allEvents: String { "\(root)/robot/+/event" }

    /// The robot name in a `robot/NAME/…` topic of this class, and what follows (status, state, event).
    public func robotTopic(_ topic: String) -> (robot: String, kind: String)? {
        let prefix = "\(root)/robot/"
        guard topic.hasPrefix(prefix) else { return nil }
        let parts = topic.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// Checks that `name` can be one topic level: 1 to 64 of `A-Z a-z 0-9 - _`.
    /// - Throws: ``FleetError/invalidName(kind:value:)``.
    public static func check(_ name: String, kind: String) throws(FleetError) {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F
        }
        guard allowed, (1...64).contains(name.utf8.count) else { throw .invalidName(kind: kind, value: name) }
    }
}
