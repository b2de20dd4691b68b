public import Foundation

/// The system clock.
public struct SystemNewsClock: NewsClock {
    /// The system clock.
    public init() {}
    public func now() -> Date { Date() }
}
