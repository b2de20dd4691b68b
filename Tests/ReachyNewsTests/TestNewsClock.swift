import Foundation
import ReachyNews
import Synchronization

/// A clock that only moves when told to.
final class TestNewsClock: NewsClock {
    private let current: Mutex<Date>

    /// A clock stopped at `start`.
    init(_ start: Date) { current = Mutex(start) }

    func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward (or backward, for a wall-clock jump).
    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }

    /// Sets the clock.
    func set(_ date: Date) { current.withLock { $0 = date } }
}
