public import ReachyFleet

/// How a robot joins a class (`reachy serve --fleet … --robot-name … --group … --class-token …`).
public struct FleetAgentConfiguration: Sendable {
    /// The broker.
    public var broker: BrokerAddress
    /// The class's topics.
    public var topics: FleetTopics
    /// This robot's name in the class (a topic level).
    public var name: String
    /// Its group, if any.
    public var group: String?
    /// The class token every command must carry (nil: commands need none — only on a broker nobody else can
    /// publish to).
    public var token: ClassToken?
    /// The largest command accepted, bytes (the service's `--max-body`).
    public var maxCommandBytes: Int
    /// Pose samples per second on `robot/NAME/state`.
    public var stateRate: Double
    /// The `reachy` version reported in the status.
    public var version: String
    /// Seconds a start instant may lie in the past before the command is refused (the clocks disagree).
    public var pastTolerance: Double = 5
    /// Seconds ahead a start instant may lie.
    public var futureLimit: Double = 3600

    /// A configuration; the names are checked.
    /// - Throws: ``FleetError/invalidName(kind:value:)``.
    public init(
        broker: BrokerAddress, topics: FleetTopics, name: String, group: String?, token: ClassToken?,
        maxCommandBytes: Int, stateRate: Double = 5, version: String
    ) throws(FleetError) {
        try FleetTopics.check(name, kind: "robot name")
        if let group { try FleetTopics.check(group, kind: "group") }
        self.broker = broker
        self.topics = topics
        self.name = name
        self.group = group
        self.token = token
        self.maxCommandBytes = maxCommandBytes
        self.stateRate = stateRate
        self.version = version
    }
}
