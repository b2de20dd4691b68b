import Foundation
import Synchronization

/// A clock that only moves when told to.
public final class TestNewsClock: NewsClock {
    private let current: Mutex<Date>

    /// A clock stopped at `start`.
    public init(_ start: Date) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward (or backward, for a wall-clock jump).
    public func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }

    /// Sets the clock.
    public func set(_ date: Date) { current.withLock { $0 = date } }
}
