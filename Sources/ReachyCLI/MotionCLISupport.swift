import ArgumentParser
import Foundation
import ReachyMotion

/// Shared output helpers of the motion subcommands (`ik`, `fk`, `dance`, `bench motion`).
enum MotionCLISupport {
    /// Stable JSON (sorted keys, no slash escaping) followed by a newline.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return (String(data: data, encoding: .utf8) ?? "{}")
    }

    /// A number with a fixed number of decimals and a leading sign slot, for aligned text tables.
    static func fixed(_ v: Double, _ decimals: Int = 6) -> String {
        String(format: "%\(decimals + 4).\(decimals)f", v)
    }
}

/// A user-facing error of the motion subcommands; the message says what is wrong and what to do.
struct MotionCLIError: Error, CustomStringConvertible {
    let description: String
}

/// Parses a list of numbers that may be negative (ArgumentParser would read `-0.5` as an option).
enum NumberList {
    static func parse(_ words: [String], count: Int, what: String) throws -> [Double] {
        var values: [Double] = []
        for w in words {
            guard let v = Double(w), v.isFinite else {
                throw ValidationError("\"\(w)\" is not a finite number; give \(count) \(what) in radians.")
            }
            values.append(v)
        }
        guard values.count == count else {
            throw ValidationError("Expected \(count) \(what), got \(values.count).")
        }
        return values
    }
}
