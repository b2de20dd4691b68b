import Foundation
import Synchronization

/// The moves running on the robot, each with a UUID (`/api/move/running`, `/api/move/stop`): one at a time, like
/// the daemon: a move asked for while another runs is ignored (it gets a UUID and ends at once without moving).
final class MoveRegistry: Sendable {
    /// What a running move is.
    struct Entry: Sendable {
        var kind: String
        var task: Task<Void, Never>
    }

    /// How a move ended.
    enum Outcome: Sendable, Equatable {
        case completed
        case cancelled
        case failed(String)
        /// Not started: another move was running.
        case ignored
    }

    private let running = Mutex<[UUID: Entry]>([:])

    /// Whether a move is running.
    var isBusy: Bool { running.withLock { !$0.isEmpty } }

    /// The UUIDs of the running moves.
    var uuids: [UUID] { running.withLock { Array($0.keys) } }

    /// The kind of the running move with this UUID.
    func kind(of uuid: UUID) -> String? { running.withLock { $0[uuid]?.kind } }

    /// Starts `body` as a move unless one is running; `onEnd` is called once with how it ended.
    @discardableResult
    func start(
        kind: String, _ body: @escaping @Sendable () async throws -> Void,
        onEnd: @escaping @Sendable (UUID, Outcome) -> Void = { _, _ in }
    ) -> (uuid: UUID, started: Bool) {
        let uuid = UUID()
        let started = running.withLock { moves -> Bool in
            guard moves.isEmpty else { return false }
            let task = Task { [weak self] in
                let outcome: Outcome
                do {
                    try await body()
                    outcome = Task.isCancelled ? .cancelled : .completed
                } catch is CancellationError {
                    outcome = .cancelled
                } catch {
                    outcome = Task.isCancelled ? .cancelled : .failed(String(describing: error))
                }
                // Registered before this runs: the lock is held while the task is created and stored.
                _ = self?.running.withLock { $0.removeValue(forKey: uuid) }
                onEnd(uuid, outcome)
            }
            moves[uuid] = Entry(kind: kind, task: task)
            return true
        }
        if !started { onEnd(uuid, .ignored) }
        return (uuid, started)
    }

    /// Cancels the move with this UUID and waits for it to end; false when no such move runs.
    func stop(_ uuid: UUID) async -> Bool {
        guard let task = running.withLock({ $0[uuid]?.task }) else { return false }
        task.cancel()
        await task.value
        return true
    }

    /// Cancels every move of `kind` (every move when nil) and waits for them to end; returns their UUIDs.
    @discardableResult
    func stopAll(kind: String? = nil) async -> [UUID] {
        let tasks = running.withLock { moves in
            moves.filter { kind == nil || $0.value.kind == kind }.map { ($0.key, $0.value.task) }
        }
        for (_, task) in tasks { task.cancel() }
        for (_, task) in tasks { await task.value }
        return tasks.map(\.0)
    }
}
