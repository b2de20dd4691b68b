import Foundation
import ReachyMotion
import Synchronization

/// Fans the robot's telemetry out to WebSocket clients: one reader of `ReachyMini.telemetry()` encodes each
/// message once and gives it to every client's queue (100 messages, the oldest dropped when a client is slow,
/// like the daemon's per-client `asyncio.Queue(maxsize=100)`).
final class TelemetryHub: Sendable {
    /// Messages waiting per client.
    static let queueSize = 100
    /// State messages per second (joint_positions and head_pose each).
    static let stateRate = 50.0

    private let clients = Mutex<[UInt64: AsyncStream<String>.Continuation]>([:])
    private let nextID = Atomic<UInt64>(0)
    private let closed = Mutex(false)
    private let watchers = Mutex<[UInt64: AsyncStream<Void>.Continuation]>([:])

    /// A new client's message stream and its key (pass it to `unsubscribe`); the stream finishes on `finishAll`.
    func subscribe() -> (UInt64, AsyncStream<String>) {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(Self.queueSize))
        let id = nextID.wrappingAdd(1, ordering: .relaxed).newValue
        if closed.withLock({ $0 }) {
            continuation.finish()
            return (id, stream)
        }
        clients.withLock { $0[id] = continuation }
        return (id, stream)
    }

    /// Forgets a client.
    func unsubscribe(_ id: UInt64) {
        let continuation = clients.withLock { $0.removeValue(forKey: id) }
        continuation?.finish()
    }

    /// How many clients are connected.
    var count: Int { clients.withLock { $0.count } }

    /// Sends a message to every client.
    func broadcast(_ message: String) {
        // Yield outside the lock (as `ReachyMini` does): a yield resumes a reader's task, and a cancelled reader's
        // clean-up may take this lock while holding that task's status lock.
        for continuation in clients.withLock({ Array($0.values) }) { continuation.yield(message) }
    }

    /// Runs `body` until it returns or the service shuts down (`finishAll`), whichever comes first; for
    /// WebSocket handlers that do not read the telemetry stream but must end on shutdown.
    func untilShutdown(_ body: @escaping @Sendable () async throws -> Void) async throws {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        let id = nextID.wrappingAdd(1, ordering: .relaxed).newValue
        if closed.withLock({ $0 }) { return }
        watchers.withLock { $0[id] = continuation }
        defer { _ = watchers.withLock { $0.removeValue(forKey: id) } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await body() }
            group.addTask { for await _ in stream {} }
            _ = try await group.next()
            group.cancelAll()
        }
    }

    /// Ends every client's stream (their sockets close) and refuses new ones.
    func finishAll() {
        closed.withLock { $0 = true }
        let waiting = watchers.withLock { watchers in
            defer { watchers.removeAll() }
            return Array(watchers.values)
        }
        for continuation in waiting { continuation.finish() }
        let all = clients.withLock { clients in
            defer { clients.removeAll() }
            return Array(clients.values)
        }
        for continuation in all { continuation.finish() }
    }

    /// Reads the robot's telemetry and sends `joint_positions` and `head_pose` at 50 Hz while clients are
    /// connected. Returns when the robot closes or the task is cancelled.
    func pump(_ robot: ReachyMini) async {
        var last = -Double.infinity
        let period = 1 / Self.stateRate
        for await tick in robot.telemetry() {
            if Task.isCancelled { break }
            // A tick at 100 Hz may be a little early: allow a quarter period of jitter.
            guard tick.time - last >= period * 0.75 else { continue }
            last = tick.time
            guard count > 0, let joints = tick.joints else { continue }
            broadcast(SDKOutbound.jointPositions(joints))
            if let pose = tick.headPose { broadcast(SDKOutbound.headPose(pose)) }
        }
    }
}
