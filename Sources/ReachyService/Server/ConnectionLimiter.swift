import NIOCore
import Synchronization

/// Counts the server's open connections and keeps them under `maxConnections` (`--max-connections`), so no flood of
/// connections reaches the process's file-descriptor limit. A connection is *waiting* from its accept until the end
/// of its first request head; when a new one arrives at the cap, the oldest waiting connection makes room (a silent
/// or slowloris connection is the one to go, not a client in the middle of a request or a streaming WebSocket). When
/// none is waiting, the new connection is refused (503).
final class ConnectionLimiter: Sendable {
    /// What to do with a new connection.
    enum Admission {
        /// Serve it; when `evicting` is set, that older waiting connection must be told to go (`Eviction`).
        case admitted(evicting: (any Channel)?)
        /// Answer 503 and close it: every slot is busy with a real request or WebSocket.
        case refused
    }

    /// The user event an evicted connection receives (its `HeaderDeadlineHandler` answers 503 and closes).
    struct Eviction: Sendable {}

    private struct Entry {
        var channel: any Channel
        var order: UInt64
        var waiting: Bool
    }

    private struct State {
        var open: [ObjectIdentifier: Entry] = [:]
        var next: UInt64 = 0
    }

    /// The cap.
    let maxConnections: Int
    private let state = Mutex(State())

    init(maxConnections: Int) {
        self.maxConnections = maxConnections
    }

    /// The number of connections counted now.
    var count: Int { state.withLock { $0.open.count } }

    /// Decides about a connection just accepted; an admitted one is counted until it closes.
    func admit(_ channel: any Channel) -> Admission {
        let id = ObjectIdentifier(channel)
        let admission: Admission = state.withLock { state in
            var evicted: (any Channel)?
            if state.open.count >= maxConnections {
                guard let oldest = state.open.filter({ $0.value.waiting }).min(by: { $0.value.order < $1.value.order })
                else { return .refused }
                state.open[oldest.key] = nil
                evicted = oldest.value.channel
            }
            state.next += 1
            state.open[id] = Entry(channel: channel, order: state.next, waiting: true)
            return .admitted(evicting: evicted)
        }
        if case .admitted = admission {
            channel.closeFuture.whenComplete { [weak self] _ in
                self?.state.withLock { _ = $0.open.removeValue(forKey: id) }
            }
        }
        return admission
    }

    /// The connection has sent its first request head: it is no longer a candidate for eviction.
    func engaged(_ channel: any Channel) {
        state.withLock { $0.open[ObjectIdentifier(channel)]?.waiting = false }
    }
}
