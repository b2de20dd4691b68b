public import Foundation

/// Parses the front-matter `date` as written, keeping its UTC offset (a `Date` alone loses it).
///
/// Accepts `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `T` or a space, and an optional `Z`, `±HH:MM`,
/// `±HHMM` or `±HH` offset. Without an offset the digest is taken to be in Beijing time (+08:00), the time zone
/// the digests are written in.
public enum DigestDateParser {
    /// The offset assumed when a date has none: +08:00.
    public static let defaultOffsetSeconds = 8 * 3600

    /// The instant and the written offset, or `nil` if `text` is not such a date (or names an impossible day).
    public static func parse(_ text: String) -> (date: Date, offsetSeconds: Int)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let pattern =
            #/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/#
        guard let m = trimmed.wholeMatch(of: pattern) else { return nil }
        guard let year = Int(m.1), let month = Int(m.2), let day = Int(m.3) else { return nil }
        let hour = m.4.flatMap { Int($0) } ?? 0
        let minute = m.5.flatMap { Int($0) } ?? 0
        let second = m.6.flatMap { Int($0) } ?? 0
        let fraction = m.7.flatMap { Double("0." + $0) } ?? 0
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }

        var offset = defaultOffsetSeconds
        if let z = m.8 {
            let s = String(z)
            if s == "Z" || s == "z" {
                offset = 0
            } else {
                let sign = s.hasPrefix("-") ? -1 : 1
                let digits = s.dropFirst().filter(\.isNumber)
                let hh = Int(digits.prefix(2)) ?? 0
                let mm = digits.count >= 4 ? Int(digits.dropFirst(2).prefix(2)) ?? 0 : 0
                guard hh <= 14, mm < 60 else { return nil }
                offset = sign * (hh * 3600 + mm * 60)
            }
        }
        guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return (date.addingTimeInterval(fraction), offset)
    }
}
