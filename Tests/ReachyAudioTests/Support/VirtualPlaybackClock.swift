import ReachyAudio
import Synchronization

/// A clock for tests that moves only when waited on: `wait(until:)` jumps straight to the deadline and remembers it,
/// so a paced playback runs at once and its writes can be checked against the times they were due.
final class VirtualPlaybackClock: PlaybackClock {
    /// A moment: time since the clock's origin.
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct State {
        var now = Duration.zero
        var waits: [Duration] = []
    }
    private let state = Mutex(State())

    /// A clock at `start` after its origin.
    init(start: Duration = .zero) { state.withLock { $0.now = start } }

    var now: Instant { Instant(offset: state.withLock { $0.now }) }

    /// Every deadline waited for, in order.
    var waits: [Duration] { state.withLock { $0.waits } }

    func wait(until deadline: Instant) {
        state.withLock { state in
            state.waits.append(deadline.offset)
            state.now = max(state.now, deadline.offset)
        }
    }
}
