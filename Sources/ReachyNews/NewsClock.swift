import Foundation
import Synchronization

/// A source of the current instant; injected so the daily routine can be tested without waiting.
public protocol NewsClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The system clock.
public struct SystemNewsClock: NewsClock {
    /// The system clock.
    public init() {}
    public func now() -> Date { Date() }
}

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
