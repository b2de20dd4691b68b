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
                let count = cursor.tokens.first { $0.kind == .number }?.text ?? "3"
                // Below the level of `repeat`, also say how to unlock it.
                let unlocked = level >= Levels.command[.repeat, default: 2]
                report(
                    .anotherWay, at: range, ["count": count, "needed": "\(Levels.command[.repeat, default: 2])"],
                    message: "message-for", try: unlocked ? "try-for" : "try-for-locked")
                cursor.index = cursor.tokens.count
                return true
            }
        }
        return false
    }
}
