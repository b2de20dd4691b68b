/// A move played for a chosen length: the base move is evaluated at every `t` in 0…`duration` (dances are
/// periodic in beats, so this plays a dance for any number of beats; a recorded move holds its last frame).
public struct TimedMove: Move {
    /// The move being played.
    public var base: any Move
    /// Seconds.
    public let duration: Double

    /// `duration` must be positive and finite.
    public init(_ base: any Move, duration: Double) throws(MoveError) {
        guard duration.isFinite, duration > 0 else { throw .invalidDuration(duration) }
        self.base = base
        self.duration = duration
    }

    public func evaluate(_ t: Double) -> MoveFrame { base.evaluate(min(max(t, 0), duration)) }
}
