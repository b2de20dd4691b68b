public import Foundation

/// A source of the current instant; injected so the daily routine can be tested without waiting.
public protocol NewsClock: Sendable {
    /// The current instant.
    func now() -> Date
}
