import Dynamixel

/// Looks up a control-table register by the name a user typed (`goal_position`, `Goal Position`,
/// `goal-position`), suggesting the closest name on a typo.
enum RegisterArgument {
    static func lookUp(_ name: String) throws(CLIError) -> Register {
        if let register = ControlTable.register(named: name) { return register }
        let typed = normalized(name)
        let closest = ControlTable.registers.min {
            EditDistance.between(normalized($0.name), typed) < EditDistance.between(normalized($1.name), typed)
        }
        var message = "There is no register called '\(name)'."
        if let closest, EditDistance.between(normalized(closest.name), typed) <= max(2, typed.count / 3) {
            message += " Did you mean '\(closest.key)'?"
        }
        message += " Run `reachy registers` to list them."
        throw CLIError(message)
    }

    private static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

/// Levenshtein distance between two strings, by characters.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
