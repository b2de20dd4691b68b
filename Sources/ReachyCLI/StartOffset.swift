import ArgumentParser
import Foundation
import ReachyFleet

/// `--at`: when robots start, as `+2s`, `+1500ms`, `+2` (seconds from now), `now` (each as soon as it is ready) or
/// an absolute wall-clock time in seconds since 1970.
struct StartOffset: ExpressibleByArgument, Sendable {
    /// Seconds from now (relative), or an absolute instant.
    enum Value: Sendable {
        case now
        case after(Double)
        case absolute(Double)
    }

    let value: Value

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "now" {
            value = .now
            return
        }
        if text.hasPrefix("+") {
            var number = String(text.dropFirst())
            var scale = 1.0
            if number.hasSuffix("ms") {
                number.removeLast(2)
                scale = 0.001
            } else if number.hasSuffix("s") {
                number.removeLast()
            }
            guard let seconds = Double(number), seconds.isFinite, seconds >= 0, seconds * scale <= 3600 else {
                return nil
            }
            value = .after(seconds * scale)
            return
        }
        guard let instant = Double(text), instant.isFinite, instant > 1_000_000_000 else { return nil }
        value = .absolute(instant)
    }

    static var defaultValueDescription: String { "+2s" }

    /// The wall-clock instant (nil: `now`).
    func instant(from now: Double = WallClock.now()) -> Double? {
        switch value {
        case .now: nil
        case .after(let seconds): now + seconds
        case .absolute(let instant): instant
        }
    }
}
