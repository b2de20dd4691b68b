import Foundation
import Synchronization

/// The teacher's side of a class: follows every robot's retained status (the roster), their events and, when
/// asked, their pose samples; sends commands to one robot, a group or all. `reachy class` and `reachy bench fleet`
/// use it.
///
/// ```swift
/// let teacher = try FleetTeacher(broker: broker, topics: topics, token: token)
/// try await teacher.connect()
/// let id = try await teacher.send(.run, program: source, to: .all, at: WallClock.now() + 2)
/// ```
public final class FleetTeacher: Sendable {
    /// The class's topics.
    public let topics: FleetTopics
    private let token: ClassToken?
    private let client: MQTTClient
    private let store: FleetTeacherStore
    private let watchStates: Bool

    /// What the teacher has heard so far.
    public struct Snapshot: Sendable {
        /// The last status of every robot heard of, by name (offline ones included).
        public var roster: [String: RobotPresence] = [:]
        /// Every event received, in arrival order.
        public var events: [FleetEvent] = []
        /// The last pose sample of every robot (with `watchStates`).
        public var states: [String: RobotStateSample] = [:]
        /// Messages counted (status, event, state) since the start.
        public var messages = 0

        /// The robots online now, by name.
        public var online: [RobotPresence] { roster.values.filter(\.online).sorted { $0.name < $1.name } }

        /// The events about the command `id`.
        public func events(of id: String) -> [FleetEvent] { events.filter { $0.id == id } }
    }

    /// A teacher for the class `topics` on `broker`, signing commands with `token`; `watchStates` also follows the
    /// robots' pose samples (the classroom page, the benchmark).
    /// - Throws: ``FleetError``.
    public init(broker: BrokerAddress, topics: FleetTopics, token: ClassToken?, watchStates: Bool = false)
        throws(FleetError)
    {
        self.topics = topics
        self.token = token
        self.watchStates = watchStates
        let store = FleetTeacherStore(topics: topics)
        self.store = store
        client = try MQTTClient(
            broker: broker,
            clientID:
                "reachy-teacher-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))",
            onMessage: { store.receive($0) })
    }

    /// Connects and subscribes to the class's statuses and events (and states with `watchStates`).
    /// - Throws: ``FleetError``.
    public func connect(timeout: Duration = .seconds(5)) async throws(FleetError) {
        try client.subscribe(topics.allStatus)
        try client.subscribe(topics.allEvents)
        if watchStates { try client.subscribe(topics.allStates, qos: 0) }
        try await client.connect(timeout: timeout)
    }

    /// What has been heard so far.
    public var snapshot: Snapshot { store.state.withLock { $0 } }

    /// Waits until `condition` holds for what has been heard, at most `timeout`; whether it held.
    public func wait(timeout: Duration, until condition: (Snapshot) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            if condition(snapshot) { return true }
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Sends `action` to `target` (QoS 1, waiting until the broker has it) and returns the command's id.
    /// - Throws: ``FleetError/publishFailed(topic:reason:)``.
    @discardableResult
    public func send(
        _ action: FleetCommand.Action, program: String? = nil, seed: UInt64? = nil, at: Double? = nil,
        text: String? = nil, to target: FleetTarget
    ) async throws(FleetError) -> String {
        let command = FleetCommand(
            token: token?.value, action: action, program: program, seed: seed, at: at, text: text)
        try await send(raw: command.encoded(), to: target)
        return command.id
    }

    /// Sends bytes as a command to `target` (QoS 1, waiting until the broker has them): tests send malformed ones.
    /// - Throws: ``FleetError/publishFailed(topic:reason:)``.
    public func send(raw payload: [UInt8], to target: FleetTarget) async throws(FleetError) {
        let topic = target.topic(in: topics)
        let mid = try client.publish(topic, payload, qos: 1)
        guard await client.waitUntilSent(mid, timeout: .seconds(2)) else {
            throw .publishFailed(topic: topic, reason: "the broker did not acknowledge it within 2 s")
        }
    }

    /// Disconnects.
    public func disconnect() { client.disconnect() }
}
