import Foundation
import ReachySpeech

/// One benchmark figure.
public struct BenchmarkResult: Sendable, Codable, Equatable, CustomStringConvertible {
    /// What was measured.
    public var name: String
    /// The value.
    public var value: Double
    /// Its unit ("s", "ms", "×").
    public var unit: String

    /// A result.
    public init(name: String, value: Double, unit: String) {
        self.name = name
        self.value = value
        self.unit = unit
    }

    public var description: String { "\(name): \(String(format: "%.3f", value)) \(unit)" }
}
