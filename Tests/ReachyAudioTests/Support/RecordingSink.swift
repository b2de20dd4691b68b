import ReachyAudio
import Synchronization

/// An `AudioSink` for tests that remembers every write with the time it happened on a clock (nil: no clock), and
/// can fail or run code at a given write.
final class RecordingSink: AudioSink {
    /// One call to `play`.
    struct Write: Equatable {
        var time: Duration?
        var samples: [Int16]
    }

    let sampleRate: Int
    let name = "recording sink"
    private let clock: VirtualPlaybackClock?
    private let failAt: Int?
    private struct State {
        var writes: [Write] = []
        var marks: [Int] = []
        var stops = 0
        var afterWrite: @Sendable (Int) -> Void = { _ in }
    }
    private let state = Mutex(State())

    /// A sink at `sampleRate` stamping writes with `clock`; write number `failAt` (from 0) throws.
    init(sampleRate: Int, clock: VirtualPlaybackClock? = nil, failAt: Int? = nil) {
        self.sampleRate = sampleRate
        self.clock = clock
        self.failAt = failAt
    }

    /// What was played, call by call.
    var writes: [Write] { state.withLock { $0.writes } }
    /// How many times `stop()` was called.
    var stops: Int { state.withLock { $0.stops } }
    /// How many writes there were at each call of ``mark()``.
    var marks: [Int] { state.withLock { $0.marks } }

    /// Remembers how many writes there were so far.
    func mark() { state.withLock { $0.marks.append($0.writes.count) } }

    /// Runs `body` with each write's number (from 0) after the write is recorded, on the writing thread.
    func afterWrite(_ body: @escaping @Sendable (Int) -> Void) { state.withLock { $0.afterWrite = body } }

    func play(_ samples: [Int16]) throws(AudioSinkError) {
        let number = state.withLock { $0.writes.count }
        if number == failAt { throw .unavailable(sink: name, reason: "failing on purpose") }
        let body = state.withLock { state in
            state.writes.append(Write(time: clock?.now.offset, samples: samples))
            return state.afterWrite
        }
        body(number)
    }

    func stop() { state.withLock { $0.stops += 1 } }

    func close() throws(AudioSinkError) {}
}
