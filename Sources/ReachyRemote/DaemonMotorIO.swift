import Foundation
public import ReachyMotion
import Synchronization

/// The nine motors of a robot driven by the official daemon, as the control loop sees them, over its `/ws/sdk`
/// WebSocket: present positions come from the daemon's 50 Hz `joint_positions` stream, goals go out as
/// `set_head_joints {joints:[7]}` + `set_antennas {antennas:[2]}` (joint space: our kinematics and safety limits
/// decide, the daemon only applies), torque as `set_torque {on}`.
///
/// Nothing here blocks the control loop: `readPositions` returns the latest streamed frame (or throws
/// ``ReachyMotion/MotorIOError/link(_:)`` when it is older than `staleTimeout`), `writeGoals` queues a message.
/// When the socket drops, a background task reconnects every half second until ``close()``.
///
/// The daemon ignores targets while one of its own moves runs (`wake_up`, `goto_sleep`, a move started from its
/// dashboard or by another app); the loop's goals are then dropped by the daemon until that move ends.
public final class DaemonMotorIO: MotorIO, @unchecked Sendable {
    /// Where the daemon listens.
    public let endpoint: DaemonEndpoint
    /// A frame older than this (seconds) counts as no answer.
    public let staleTimeout: Double
    public let jointCount = 9

    /// Counters of the link (for the benchmark and diagnostics).
    public struct LinkStatistics: Sendable, Equatable {
        /// `joint_positions` frames received.
        public var frames: UInt64 = 0
        /// Goal pairs sent (`set_head_joints` + `set_antennas`).
        public var goalsSent: UInt64 = 0
        /// Connections opened (1 + reconnections).
        public var connections: UInt64 = 0
    }

    struct LinkState {
        var positions: [Double]?
        var receivedAt: UInt64 = 0
        /// The open socket: goals are written straight to it (no task in between), nil while it is down.
        var outbox: PlainWebSocket?
        var lastError: String?
        var lastSent: [Double]?
        var lastSentAt: UInt64 = 0
        var statistics = LinkStatistics()
        var closed = false
        var frameWaiters: [(UInt64, @Sendable ([Double]) -> Void)] = []
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(LinkState())
    private let http: DaemonHTTP
    private let runner = Mutex<Task<Void, Never>?>(nil)
    private let onReconnect: @Sendable () -> Void

    /// Connects: checks `GET /api/daemon/status` (a daemon, running), opens `/ws/sdk` and waits (at most
    /// `firstFrameTimeout`) for the first `joint_positions` frame. `onReconnect` is called after each reconnection.
    public static func connect(
        _ endpoint: DaemonEndpoint, staleTimeout: Double = 0.5, firstFrameTimeout: Double = 3,
        onReconnect: @escaping @Sendable () -> Void = {}
    ) async throws(DaemonError) -> DaemonMotorIO {
        let http = DaemonHTTP(endpoint: endpoint)
        _ = try await DaemonStatus.fetch(http)
        let io = DaemonMotorIO(endpoint: endpoint, http: http, staleTimeout: staleTimeout, onReconnect: onReconnect)
        io.start()
        let deadline = ContinuousClock.now + .milliseconds(Int(firstFrameTimeout * 1000))
        while io.state.withLock({ $0.positions == nil }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        let (positions, reason) = io.state.withLock { ($0.positions, $0.lastError) }
        guard positions != nil else {
            io.close()
            throw .noStream(url: endpoint.base, seconds: firstFrameTimeout, reason: reason)
        }
        return io
    }

    init(endpoint: DaemonEndpoint, http: DaemonHTTP, staleTimeout: Double, onReconnect: @escaping @Sendable () -> Void)
    {
        self.endpoint = endpoint
        self.http = http
        self.staleTimeout = staleTimeout
        self.onReconnect = onReconnect
    }

    deinit { runner.withLock { $0?.cancel() } }

    /// The link's counters so far.
    public var statistics: LinkStatistics { state.withLock { $0.statistics } }

    // MARK: - MotorIO

    public func readPositions() throws(MotorIOError) -> [Double?] {
        let now = Self.now()
        let (positions, receivedAt, reason) = state.withLock { ($0.positions, $0.receivedAt, $0.lastError) }
        guard let positions, Double(now &- receivedAt) / 1e9 <= staleTimeout else {
            throw .link(DaemonError.linkLost(url: endpoint.base, seconds: staleTimeout, reason: reason).description)
        }
        return positions
    }

    /// Queues the goals (skipped when they equal the last ones sent less than half a second ago; dropped while the
    /// socket is down — `readPositions` reports that).
    public func writeGoals(_ radians: [Double]) throws(MotorIOError) {
        guard radians.count == jointCount, radians.allSatisfy(\.isFinite) else {
            throw .link("Refusing to send \(radians.count) goals to the daemon: 9 finite joint angles are expected.")
        }
        let now = Self.now()
        let outbox = state.withLock { state -> PlainWebSocket? in
            if let last = state.lastSent, now &- state.lastSentAt < 500_000_000,
                zip(last, radians).allSatisfy({ abs($0 - $1) < 1e-9 })
            {
                return nil
            }
            guard let outbox = state.outbox else { return nil }
            state.lastSent = radians
            state.lastSentAt = now
            state.statistics.goalsSent += 1
            return outbox
        }
        guard let outbox else { return }
        let head = radians[0..<7].map(Self.number).joined(separator: ",")
        let antennas = radians[7..<9].map(Self.number).joined(separator: ",")
        outbox.write("{\"type\":\"set_head_joints\",\"joints\":[\(head)]}")
        outbox.write("{\"type\":\"set_antennas\",\"antennas\":[\(antennas)]}")
    }

    public func setTorque(_ enabled: Bool) throws(MotorIOError) {
        let outbox = state.withLock { state -> PlainWebSocket? in
            state.lastSent = nil
            return state.outbox
        }
        guard let outbox else {
            let reason = state.withLock { $0.lastError }
            throw .link(DaemonError.linkLost(url: endpoint.base, seconds: staleTimeout, reason: reason).description)
        }
        outbox.write("{\"type\":\"set_torque\",\"on\":\(enabled)}")
    }

    /// The daemon does not report Dynamixel hardware errors over `/ws/sdk`: always empty.
    public func readHardwareErrors() throws(MotorIOError) -> [Int: UInt8] { [:] }

    /// `GET /api/motors/status` (blocking; nil when it cannot be read).
    public func torqueEnabled() throws(MotorIOError) -> Bool? {
        guard let response = try? http.sendBlocking("GET", "/api/motors/status"), response.status == 200,
            let mode = response.json?["mode"] as? String
        else { return nil }
        return mode != "disabled"
    }

    /// Stops the link for good (the daemon keeps its last targets and motor mode).
    public func close() {
        state.withLock { state in
            state.closed = true
            state.outbox = nil
        }
        runner.withLock { $0?.cancel() }
    }

    /// Calls `body` with the next `joint_positions` frame that arrives (on the socket's task; keep it short).
    public func onNextFrame(_ body: @escaping @Sendable ([Double]) -> Void) {
        state.withLock { state in
            state.nextWaiter += 1
            state.frameWaiters.append((state.nextWaiter, body))
        }
    }

    // MARK: - Socket

    private func start() {
        let task = Task.detached { [weak self] in
            var first = true
            while !Task.isCancelled {
                guard let self, !self.isClosed else { return }
                await self.runConnection(reconnection: !first)
                first = false
                guard !self.isClosed else { return }
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
        runner.withLock { $0 = task }
    }

    private var isClosed: Bool { state.withLock { $0.closed } }

    private func runConnection(reconnection: Bool) async {
        do {
            // The daemon's local-network guard accepts an `Origin: http://host:port` (it refuses a `ws://` origin
            // with 403). Frames are decoded on the socket's own thread as they arrive, and goals are written from
            // the caller's thread, so the link keeps up even while Swift's cooperative threads are all busy.
            let socket = try await PlainWebSocket.connect(
                to: endpoint.webSocket, origin: endpoint.base, maxMessageSize: 1 << 20
            ) { [weak self] text in self?.receive(text) }
            let opened = state.withLock { state -> Bool in
                guard !state.closed else { return false }
                state.outbox = socket
                state.lastSent = nil
                state.statistics.connections += 1
                return true
            }
            if opened {
                if reconnection { onReconnect() }
                for try await _ in socket.messages {}
                state.withLock { $0.lastError = "the daemon closed the connection" }
            }
            state.withLock { state in
                if state.outbox === socket { state.outbox = nil }
            }
            await socket.close()
        } catch {
            state.withLock { state in
                state.lastError = Self.describe(error)
                state.outbox = nil
            }
        }
    }

    private struct JointFrame: Decodable {
        let head_joint_positions: [Double]
        let antennas_joint_positions: [Double]
    }

    private func receive(_ text: String) {
        // 100 frames a second arrive (joint positions and head poses): only joint positions are decoded.
        guard text.contains("\"joint_positions\""), let data = text.data(using: .utf8),
            let frame = try? JSONDecoder().decode(JointFrame.self, from: data),
            frame.head_joint_positions.count == 7, frame.antennas_joint_positions.count == 2
        else { return }
        let positions = frame.head_joint_positions + frame.antennas_joint_positions
        guard positions.allSatisfy(\.isFinite) else { return }
        let now = Self.now()
        let waiters = state.withLock { state -> [(UInt64, @Sendable ([Double]) -> Void)] in
            state.positions = positions
            state.receivedAt = now
            state.lastError = nil
            state.statistics.frames += 1
            defer { state.frameWaiters.removeAll() }
            return state.frameWaiters
        }
        for (_, body) in waiters { body(positions) }
    }

    static func describe(_ error: any Error) -> String {
        switch error as? PlainWebSocketError {
        case .connectionRefused: return "connection refused"
        case .connectFailed(_, let reason): return reason
        default: break
        }
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("connectTimeout") { return "connection timed out" }
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }

    static func number(_ value: Double) -> String { "\(value)" }

    package static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}
