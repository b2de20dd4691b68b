/// "Did you mean …?" for move names: the known name closest to a misspelled one (Levenshtein distance on lowercased
/// names, `-`, `_` and spaces alike), when it is close enough (a third of the name's length, at least 1) and unique.
enum MoveNameSuggestion {
    static func closest(to written: String, among names: [String]) -> String? {
        let word = normalized(written)
        guard !word.isEmpty else { return nil }
        let threshold = max(1, word.count / 3)
        var best: (name: String, distance: Int)?
        var tie = false
        for name in names {
            let d = distance(word, normalized(name))
            guard d <= threshold else { continue }
            if let b = best, d >= b.distance {
                if d == b.distance { tie = true }
                continue
            }
            best = (name, d)
            tie = false
        }
        return tie ? nil : best?.name
    }

    static func normalized(_ text: String) -> [Character] {
        Array(text.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
