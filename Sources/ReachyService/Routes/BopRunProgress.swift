import Bop
import Foundation
import Synchronization

/// What one Bop run started by `POST /api/bop/run` has done so far: the progress lines `reachy run` prints (waking
/// up, playing, "▶ line N: …", notices, done), the safety layer's warnings at their lines, numbered, and how the run
/// ended. Kept bounded: a `forever` program keeps its last ``maxEntries`` lines. Readers poll it
/// (`GET /api/bop/events/{uuid}`) or wait for its next change (``changes()``, for `/ws/bop/{uuid}`).
final class BopRunProgress: Sendable {
    /// One progress line.
    struct Entry: Encodable, Sendable, Equatable {
        /// Its number in the run (0, 1, 2…); ask for `after` the last one seen.
        var index: Int
        /// `waking_up`, `playing`, `line`, `notice`, `warning` or `done`.
        var kind: String
        /// The program line, for `line` and `warning`.
        var line: Int?
        /// Seconds into the program, for `line` and `warning`; the program's length for `playing`.
        var time: Double?
        /// The text `reachy run` prints.
        var text: String
        /// When the service recorded it (seconds since 1970), to measure how late a reader shows it.
        var at: Double
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
        var watchers: [UInt64: AsyncStream<Void>.Continuation] = [:]
        var nextWatcher: UInt64 = 0
    }

    private let state = Mutex(State())
    /// The program's language: the lines are in it, as `reachy run` prints them.
    private let language: BopLanguage

    /// Progress for a program written in `language` (English by default).
    init(language: BopLanguage = BopLanguages.english) {
        self.language = language
    }

    /// Adds what `event` prints.
    func record(_ event: BopPerformer.Event) {
        let name = language.code == "zh" ? "程序" : "the program"
        guard let text = event.progressText(program: name, language: language) else { return }
        let (kind, line, time): (String, Int?, Double?) =
            switch event {
            case .wakingUp: ("waking_up", nil, nil)
            case .approaching: ("approaching", nil, nil)
            case .playing(let seconds, _): ("playing", nil, seconds)
            case .notice: ("notice", nil, nil)
            case .line(let number, _, let time): ("line", number, time)
            case .done: ("done", nil, nil)
            }
        append(kind: kind, line: line, time: time, text: text)
    }

    /// Adds a warning of the safety layer (`BopMotionWarning`) at its program line.
    func warn(_ warning: BopMotionWarning) {
        append(
            kind: "warning", line: warning.line > 0 ? warning.line : nil, time: warning.time,
            text: warning.description)
    }

    private func append(kind: String, line: Int?, time: Double?, text: String) {
        let at = Date().timeIntervalSince1970
        let watchers = state.withLock { state in
            state.entries.append(Entry(index: state.count, kind: kind, line: line, time: time, text: text, at: at))
            state.count += 1
            if state.entries.count > Self.maxEntries {
                state.entries.removeFirst(state.entries.count - Self.maxEntries)
            }
            return Array(state.watchers.values)
        }
        for watcher in watchers { watcher.yield() }
    }

    /// A stream that yields whenever the run records something or ends (only the latest change is buffered: read
    /// ``snapshot(after:)`` on each), and finishes once the run has ended. Stop reading to forget it.
    func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let ended = state.withLock { state in
            if state.outcome != nil { return true }
            let id = state.nextWatcher
            state.nextWatcher += 1
            state.watchers[id] = continuation
            continuation.onTermination = { [weak self] _ in
                _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
            }
            return false
        }
        if ended {
            continuation.yield()
            continuation.finish()
        }
        return stream
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
        let watchers = state.withLock { state in
            state.outcome = text
            defer { state.watchers.removeAll() }
            return Array(state.watchers.values)
        }
        for watcher in watchers {
            watcher.yield()
            watcher.finish()
        }
    }

    /// The lines numbered above `after` (all with nil), and whether the run has ended.
    func snapshot(after: Int?) -> Snapshot {
        state.withLock { state in
            let events = after.map { after in state.entries.filter { $0.index > after } } ?? state.entries
            return Snapshot(events: events, finished: state.outcome != nil, outcome: state.outcome)
        }
    }
}
