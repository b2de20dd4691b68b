import Bop
import Foundation
import Synchronization

/// What one Bop run started by `POST /api/bop/run` has done so far: the progress lines `reachy run` prints (waking
/// up, playing, "▶ line N: …", notices, done), numbered, and how the run ended. Kept bounded: a `forever` program
/// keeps its last ``maxEntries`` lines.
final class BopRunProgress: Sendable {
    /// One progress line.
    struct Entry: Encodable, Sendable, Equatable {
        /// Its number in the run (0, 1, 2…); ask for `after` the last one seen.
        var index: Int
        /// `waking_up`, `playing`, `line`, `notice` or `done`.
        var kind: String
        /// The program line, for `line`.
        var line: Int?
        /// Seconds into the program, for `line`.
        var time: Double?
        /// The text `reachy run` prints.
        var text: String
    }

    /// The body of `GET /api/bop/events/{uuid}`.
    struct Snapshot: Encodable, Sendable {
        var events: [Entry]
        /// Whether the run has ended.
        var finished: Bool
        /// `completed`, `cancelled` or `failed: why`, once finished.
        var outcome: String?
    }

    /// Lines kept per run.
    static let maxEntries = 10_000

    private struct State {
        var entries: [Entry] = []
        var count = 0
        var outcome: String?
    }

    private let state = Mutex(State())

    /// Adds what `event` prints.
    func record(_ event: BopPerformer.Event) {
        guard let text = event.progressText(program: "the program") else { return }
        let (kind, line, time): (String, Int?, Double?) =
            switch event {
            case .wakingUp: ("waking_up", nil, nil)
            case .approaching: ("approaching", nil, nil)
            case .playing: ("playing", nil, nil)
            case .notice: ("notice", nil, nil)
            case .line(let number, _, let time): ("line", number, time)
            case .done: ("done", nil, nil)
            }
        state.withLock { state in
            state.entries.append(Entry(index: state.count, kind: kind, line: line, time: time, text: text))
            state.count += 1
            if state.entries.count > Self.maxEntries {
                state.entries.removeFirst(state.entries.count - Self.maxEntries)
            }
        }
    }

    /// Records how the run ended.
    func finish(_ outcome: MoveRegistry.Outcome) {
        let text =
            switch outcome {
            case .completed: "completed"
            case .cancelled: "cancelled"
            case .failed(let why): "failed: \(why)"
            case .ignored: "not started: another move was running"
            }
        state.withLock { $0.outcome = text }
    }

    /// The lines numbered above `after` (all with nil), and whether the run has ended.
    func snapshot(after: Int?) -> Snapshot {
        state.withLock { state in
            let events = after.map { after in state.entries.filter { $0.index > after } } ?? state.entries
            return Snapshot(events: events, finished: state.outcome != nil, outcome: state.outcome)
        }
    }
}

/// The progress of the most recent Bop runs, by UUID (the last ``capacity`` runs).
final class BopRunLog: Sendable {
    /// Runs remembered.
    static let capacity = 16
    private let runs = Mutex<[(UUID, BopRunProgress)]>([])

    /// Remembers `progress` as the run `uuid` (forgetting the oldest beyond ``capacity``).
    func add(_ uuid: UUID, _ progress: BopRunProgress) {
        runs.withLock { runs in
            runs.append((uuid, progress))
            if runs.count > Self.capacity { runs.removeFirst(runs.count - Self.capacity) }
        }
    }

    /// The run `uuid`, if remembered.
    func progress(_ uuid: UUID) -> BopRunProgress? {
        runs.withLock { runs in runs.last { $0.0 == uuid }?.1 }
    }
}
