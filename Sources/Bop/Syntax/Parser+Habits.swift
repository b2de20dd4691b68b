import Foundation

/// Lines a child brings from Scratch or Python (`when flag clicked`, `move 10 steps`, `for i in range(3):`): instead
/// of "I don't know that word", how Bop says the same thing. The beginnings of such lines are language data
/// (`habits` in the language files).
extension Parser {
    /// Reports the habit the line of `token` starts with, if any.
    func reportedHabit(_ token: Token) -> Bool {
        let raw = String(source.lines[token.range.line - 1])
        let line = raw.lowercased().split(whereSeparator: { TextFolding.isSpace($0) }).joined(separator: " ")
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        let start = raw.prefix(while: { TextFolding.isSpace($0) }).count
        let range = SourceRange(line: token.range.line, column: start + 1, endColumn: raw.count + 1)
        let hasNumber = cursor.tokens.contains { $0.kind == .number }
        defer {
            // The habit's message covers the whole line: a `:` already reported on it (`for i in range(3):`) goes.
            if cursor.index == cursor.tokens.count {
                diagnostics.removeAll { $0.kind == .anotherWay && $0.range.line == range.line && $0.range != range }
            }
        }
        for language in [messages.language, BopLanguages.english] {
            let habits = language.habits ?? [:]
            if let habit = habits["start"]?.first(where: { line.hasPrefix($0) }) {
                let written = String(raw.trimmingCharacters(in: .whitespaces).prefix(habit.count))
                report(
                    .anotherWay, at: range, ["habit": written], message: "message-start", try: "try-remove",
                    fixIt: FixIt(range: range, replacement: ""))
                cursor.index = cursor.tokens.count
                return true
            }
            if hasNumber, habits["steps"]?.contains(where: { line.hasPrefix($0) }) == true {
                report(.anotherWay, at: range, message: "message-steps", try: "try-steps")
                cursor.index = cursor.tokens.count
                return true
            }
            if habits["for"]?.contains(where: { line.hasPrefix($0) }) == true,
                words.contains("in") || line.contains("range")
            {
                let times = Self.rangeCount(cursor.tokens.filter { $0.kind == .number }.compactMap { Int($0.text) })
                let count = times.map(String.init) ?? "3"
                // Below the level of `repeat`, also say how to unlock it; at its level, a Fix-it writes the line.
                let unlocked = level >= Levels.command[.repeat, default: 2]
                report(
                    .anotherWay, at: range, ["count": count, "needed": "\(Levels.command[.repeat, default: 2])"],
                    message: "message-for", try: unlocked ? "try-for" : "try-for-locked",
                    fixIt: unlocked && times != nil ? repeatBlock(for: range, count: count) : nil)
                cursor.index = cursor.tokens.count
                return true
            }
        }
        return false
    }

    /// The Fix-it for a Python `for` line: the line becomes `repeat N times` and an `end` goes after the lines
    /// indented under it (Python's block), so the fixed program reads as the child meant. Nil when nothing is
    /// indented under it (the `end` would have nowhere to go).
    func repeatBlock(for range: SourceRange, count: String) -> FixIt? {
        let lines = source.lines.map { String($0) }
        func indent(_ line: String) -> Int { line.prefix(while: { TextFolding.isSpace($0) }).count }
        let own = indent(lines[range.line - 1])
        var last = range.line
        var k = range.line
        while k < lines.count {
            let line = lines[k]
            k += 1
            if line.allSatisfy({ TextFolding.isSpace($0) }) { continue }
            guard indent(line) > own else { break }
            last = k
        }
        guard last > range.line else { return nil }
        let pad = String(lines[range.line - 1].prefix(own))
        let body = lines[range.line..<last].joined(separator: "\n")
        let head = "\(messages.keyword(.repeat)) \(count) \(messages.keyword(.times))"
        return FixIt(
            range: SourceRange(
                line: range.line, column: range.column, endLine: last, endColumn: lines[last - 1].count + 1),
            replacement: head + "\n" + body + "\n" + pad + messages.keyword(.end))
    }

    /// How many times Python's `range(…)` with these numbers goes round (`range(3)` 3, `range(1, 4)` 3,
    /// `range(0, 10, 2)` 5), or nil when that is not a count a child means (none, zero, more than three numbers).
    static func rangeCount(_ numbers: [Int]) -> Int? {
        let count: Int
        switch numbers.count {
        case 1: count = numbers[0]
        case 2: count = numbers[1] - numbers[0]
        case 3 where numbers[2] > 0: count = (numbers[1] - numbers[0] + numbers[2] - 1) / numbers[2]
        default: return nil
        }
        return count > 0 ? count : nil
    }
}
