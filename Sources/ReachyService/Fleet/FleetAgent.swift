import Foundation
public import ReachyFleet
import ReachyMotion
import Synchronization

/// A robot in a class (`reachy serve --fleet`): publishes its retained status with a last will ("offline"), its
/// pose at a low rate, and takes commands for itself, its group and the class — checked like local HTTP requests
/// (size, shape, the class token, then the Bop compiler's budgets and the robot's safety limits, through the same
/// run path as `POST /api/bop/run`). Every command's outcome is published as a ``FleetEvent``.
public final class FleetAgent: Sendable {
    /// How it joined.
    public let configuration: FleetAgentConfiguration
    let service: RobotService
    let client: MQTTClient
    let inbox: AsyncStream<FleetInbox>
    private let tasks = Mutex<[Task<Void, Never>]>([])
    /// The program playing now (the status shows it).
    let running = Mutex<RobotPresence.RunningProgram?>(nil)
    /// Counts `stop` commands: a run compiled while a stop arrived does not start.
    let stops = Atomic<Int>(0)
    private let lastStatus = Mutex<[UInt8]>([])
    /// Whether the command topics are subscribed (once: the client subscribes again after every reconnection).
    private let subscribed = Mutex(false)
    /// Retrying to reach a broker that was down when the robot started.
    private let waiting = Mutex<Task<Void, Never>?>(nil)

    /// A robot agent for `service` (not yet connected: call ``start()``).
    /// - Throws: ``FleetError``.
    public init(service: RobotService, configuration: FleetAgentConfiguration) throws(FleetError) {
        self.service = service
        self.configuration = configuration
        let (stream, continuation) = AsyncStream.makeStream(of: FleetInbox.self, bufferingPolicy: .bufferingNewest(64))
        inbox = stream
        let offline = Self.encode(
            Self.presence(service: service, configuration: configuration, online: false, program: nil))
        client = try MQTTClient(
            broker: configuration.broker,
            clientID: "reachy-robot-\(configuration.topics.classroom)-\(configuration.name)",
            will: MQTTWill(topic: configuration.topics.status(configuration.name), payload: offline, retain: true),
            onConnect: { continuation.yield(.connected) }, onMessage: { continuation.yield(.message($0)) })
    }

    /// Connects, subscribes to the commands for this robot, its group and all, publishes the status and starts the
    /// pose samples.
    /// - Throws: ``FleetError`` (the broker cannot be reached or refuses).
    public func start() async throws(FleetError) {
        let topics = configuration.topics
        if !subscribed.withLock({ $0 }) {
            try client.subscribe(topics.commandAll)
            try client.subscribe(topics.commandRobot(configuration.name))
            if let group = configuration.group { try client.subscribe(topics.commandGroup(group)) }
            subscribed.withLock { $0 = true }
        }
        try await client.connect()
        let inbox = self.inbox
        let consumer = Task { [weak self] in
            for await item in inbox {
                guard let self else { return }
                switch item {
                case .connected: self.publishStatus(force: true)
                case .message(let message):
                    // A command runs on its own task: a `stop` never waits behind a program being compiled.
                    Task { await self.handle(message) }
                }
            }
        }
        let samples = Task { [weak self] in
            let period = Duration.milliseconds(Int64(1000 / max(0.2, min(50, self?.configuration.stateRate ?? 5))))
            var tick = 0
            while !Task.isCancelled {
                guard let self else { return }
                self.publishState()
                tick += 1
                // The status when something in it changed (motors, state), looked at about once a second.
                if tick % 5 == 0 { self.publishStatus(force: false) }
                try? await Task.sleep(for: period)
            }
        }
        tasks.withLock { $0 = [consumer, samples] }
    }

    /// Starts, or — when the broker cannot be reached yet (a robot that boots before the teacher's laptop) — says so
    /// through `waiting` and keeps trying every `retry` in the background until it joins (`joined` is called then;
    /// at once when the broker is there). The robot is served meanwhile; ``leave()`` stops the retries.
    /// - Throws: ``FleetError`` other than an unreachable broker (refused login, TLS, names).
    public func start(
        retry: Duration, waiting: @escaping @Sendable (FleetError) -> Void, joined: @escaping @Sendable () -> Void
    ) async throws(FleetError) {
        do {
            try await start()
            joined()
            return
        } catch .brokerUnreachable(let host, let port, let reason) {
            waiting(.brokerUnreachable(host: host, port: port, reason: reason))
        }
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: retry)
                guard let self, !Task.isCancelled else { return }
                do throws(FleetError) {
                    try await self.start()
                    joined()
                    return
                } catch {
                    if case .brokerUnreachable = error { continue }
                    waiting(error)
                    return
                }
            }
        }
        self.waiting.withLock { $0 = task }
    }

    /// Leaves the class cleanly: publishes the status "offline" (retained), waits (at most a second) until the
    /// broker has it, and disconnects. Call it on shutdown, after the robot has stopped moving or before.
    public func leave() async {
        waiting.withLock { $0 }?.cancel()
        for task in tasks.withLock({ $0 }) { task.cancel() }
        let offline = Self.presence(service: service, configuration: configuration, online: false, program: nil)
        let client = self.client
        let topic = configuration.topics.status(configuration.name)
        // Detached: called while the server's task is being cancelled, and waiting must still wait.
        await Task.detached {
            if let mid = try? client.publish(topic, Self.encode(offline), qos: 1, retain: true) {
                _ = await client.waitUntilSent(mid, timeout: .seconds(1))
            }
            client.disconnect()
        }.value
    }

    /// Publishes the status (retained) when it changed since the last one, or always with `force`.
    func publishStatus(force: Bool) {
        let presence = Self.presence(
            service: service, configuration: configuration, online: true, program: running.withLock { $0 })
        var unstamped = presence
        unstamped.time = 0
        let key = Self.encode(unstamped)
        let changed = lastStatus.withLock { last in
            defer { last = key }
            return last != key
        }
        guard force || changed else { return }
        _ = try? client.publish(
            configuration.topics.status(configuration.name), Self.encode(presence), qos: 1, retain: true)
    }

    /// Publishes one pose sample (QoS 0).
    func publishState() {
        let latest = service.robot.latest
        let sample = RobotStateSample(
            time: WallClock.now(), joints: latest?.joints?.motorOrder, head: latest?.headPose?.rowMajor,
            moving: service.moves.isBusy)
        _ = try? client.publish(configuration.topics.state(configuration.name), Self.encode(sample), qos: 0)
    }

    /// Publishes what became of a command (QoS 1).
    func publish(_ event: FleetEvent) {
        _ = try? client.publish(configuration.topics.event(configuration.name), Self.encode(event), qos: 1)
    }

    /// The status of `service` as the class sees it.
    static func presence(
        service: RobotService, configuration: FleetAgentConfiguration, online: Bool,
        program: RobotPresence.RunningProgram?
    ) -> RobotPresence {
        let robot = service.robot
        let voltageErrors = (robot.latest?.hardwareErrors ?? [:]).filter { $0.value & 0x01 != 0 }.keys.sorted()
        let supply =
            service.simulated
            ? "simulated"
            : voltageErrors.isEmpty
                ? "ok" : "input voltage error on \(voltageErrors.joined(separator: ", ")): check the power supply"
        return RobotPresence(
            name: configuration.name, group: configuration.group, online: online, simulated: service.simulated,
            motors: robot.motorMode.rawValue, supply: supply, state: online ? service.status().state : "offline",
            program: program, version: configuration.version, time: WallClock.now())
    }

    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? [UInt8](encoder.encode(value))) ?? []
    }
}

/// What the MQTT thread hands the agent.
enum FleetInbox: Sendable {
    /// (Re)connected: publish the status again (a restarted broker forgot it).
    case connected
    /// A command arrived.
    case message(MQTTMessage)
}
