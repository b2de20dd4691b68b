/// A paced playback's time: the moment it began on a ``PlaybackClock``, and blocking waits measured from it. It hides
/// the clock's `Instant` type, so ``AudioPlayback`` can hold any clock.
struct PlaybackPacer: Sendable {
    private let waitUntil: @Sendable (Duration) -> Void
    private let elapsedSinceStart: @Sendable () -> Duration

    /// A pacer whose time starts now on `clock`.
    init<Clock: PlaybackClock>(_ clock: Clock) {
        let begin = clock.now
        waitUntil = { offset in
            let due = begin.advanced(by: offset)
            if due > clock.now { clock.wait(until: due) }
        }
        elapsedSinceStart = { begin.duration(to: clock.now) }
    }

    /// Time since the pacer was made.
    var elapsed: Duration { elapsedSinceStart() }

    /// Blocks until `offset` after the start.
    func wait(until offset: Duration) { waitUntil(offset) }

    /// When sample `index` is due at `sampleRate` samples per second (exact to the nanosecond).
    static func offset(ofSample index: Int, sampleRate: Int) -> Duration {
        .nanoseconds(Int64(index) * 1_000_000_000 / Int64(max(1, sampleRate)))
    }
}
