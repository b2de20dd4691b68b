import Foundation

/// The one result type of every benchmark: what was measured and its figures (median, p99, per second…), with a
/// note for context. `reachy bench` prints its `description`; `--json` writes it as is.
public struct BenchmarkResult: Sendable, Codable, Equatable, CustomStringConvertible {
    /// One measured number.
    public struct Figure: Sendable, Codable, Equatable, CustomStringConvertible {
        /// What this number is ("median", "p99", "best"); empty for a benchmark's single headline number.
        public var label: String
        /// The value, in `unit`.
        public var value: Double
        /// Its unit ("ms", "µs", "/s", "ns/op", "MiB", "×").
        public var unit: String

        /// A figure.
        public init(_ label: String, _ value: Double, _ unit: String) {
            self.label = label
            self.value = value
            self.unit = unit
        }

        public var description: String {
            let number = Self.format(value)
            let spaced = unit.hasPrefix("/") || unit.isEmpty ? "\(number)\(unit)" : "\(number) \(unit)"
            return label.isEmpty ? spaced : "\(label) \(spaced)"
        }

        /// Three significant digits, no exponent, whole numbers from 100 up.
        static func format(_ value: Double) -> String {
            guard value.isFinite else { return "\(value)" }
            let magnitude = abs(value)
            if magnitude >= 100 || magnitude == 0 { return String(format: "%.0f", value) }
            if magnitude >= 10 { return String(format: "%.1f", value) }
            if magnitude >= 1 { return String(format: "%.2f", value) }
            return String(format: "%.3f", value)
        }
    }

    /// What was measured.
    public var name: String
    /// The figures, most important first.
    public var figures: [Figure]
    /// Context: sizes, counts, goals and verdicts.
    public var note: String?
    /// Whether the work checked out (a benchmark of broken code is worthless, and says so).
    public var isValid: Bool

    /// A result with several figures.
    public init(name: String, figures: [Figure], note: String? = nil, isValid: Bool = true) {
        self.name = name
        self.figures = figures
        self.note = note
        self.isValid = isValid
    }

    /// A result with one number.
    public init(name: String, value: Double, unit: String, note: String? = nil) {
        self.init(name: name, figures: [Figure("", value, unit)], note: note)
    }

    /// The value of the figure labelled `label` (the headline number for "").
    public subscript(_ label: String) -> Double? { figures.first { $0.label == label }?.value }

    public var description: String {
        (isValid ? "" : "INVALID ") + "\(name): " + figures.map(\.description).joined(separator: ", ")
            + (note.map { " (\($0))" } ?? "")
    }
}

extension BenchmarkResult.Figure {
    /// A duration in microseconds.
    public static func microseconds(_ label: String, _ duration: Duration) -> Self {
        let (seconds, attoseconds) = duration.components
        return Self(label, Double(seconds) * 1e6 + Double(attoseconds) / 1e12, "µs")
    }

    /// A duration in milliseconds.
    public static func milliseconds(_ label: String, _ duration: Duration) -> Self {
        let (seconds, attoseconds) = duration.components
        return Self(label, Double(seconds) * 1e3 + Double(attoseconds) / 1e15, "ms")
    }
}
