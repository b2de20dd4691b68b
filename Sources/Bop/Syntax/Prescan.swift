/// The first pass over the tokens: the declared level, the names of moves taught with `define` and every
/// name that gets a value, so that the second pass can tell a call or a variable from a typo.
struct Prescan: Sendable {
    var levelLine: Int?
    var levelToken: Token?
    var levelValue: Token?
    var moves: [String: (name: String, line: Int, parameters: Int)] = [:]
    var variables: Set<String> = []
    /// Raw names, for teaching the lexer to split Chinese names.
    var rawNames: [String] = []

    init(lines: [LexedLine], source: SourceText) {
        var sawCommand = false
        for line in lines {
            let tokens = line.tokens
            guard let first = tokens.first else { continue }
            if first.keyword == .level && !sawCommand && levelLine == nil {
                levelLine = line.number
                levelToken = first
                levelValue = tokens.count > 1 ? tokens[1] : nil
                continue
            }
            sawCommand = true
            switch first.keyword {
            case .define:
                var i = 1
                if i < tokens.count && tokens[i].keyword == .move { i += 1 }
                let start = i
                while i < tokens.count && tokens[i].keyword != .with && !tokens[i].isSymbol(":") { i += 1 }
                if i > start {
                    let raw = Prescan.rawText(tokens[start..<i], source: source)
                    let key = Prescan.key(raw)
                    var parameters = 0
                    var j = i + 1
                    while j < tokens.count {
                        if tokens[j].keyword != .and {
                            parameters += 1
                            variables.insert(tokens[j].folded)
                            rawNames.append(tokens[j].text)
                        }
                        j += 1
                    }
                    if moves[key] == nil { moves[key] = (raw, line.number, parameters) }
                    rawNames.append(raw)
                }
            case .set, .change:
                // The name is everything between `set` and `to` (`change` and `by`), so Chinese names that
                // contain a keyword character (`次数`) are found too.
                let joiner: BopKeyword = first.keyword == .set ? .to : .by
                if let end = tokens.firstIndex(where: { $0.keyword == joiner || $0.text == "=" }), end > 1 {
                    let raw = Prescan.rawText(tokens[1..<end], source: source)
                    if end == 2 && tokens[1].keyword == nil {
                        variables.insert(tokens[1].folded)
                    } else if raw.contains(where: TextFolding.isCJK) {
                        variables.insert(Prescan.key(raw))
                    }
                    rawNames.append(raw)
                } else if tokens.count > 1 && tokens[1].keyword == nil {
                    variables.insert(tokens[1].folded)
                    rawNames.append(tokens[1].text)
                }
            case .repeat:
                if let with = tokens.firstIndex(where: { $0.keyword == .with }), with + 1 < tokens.count {
                    variables.insert(tokens[with + 1].folded)
                    rawNames.append(tokens[with + 1].text)
                }
            default:
                // `x = 5` (a habit from other languages, reported by the parser) still names `x`.
                if first.isName, tokens.count > 2, tokens[1].isSymbol("=") { variables.insert(first.folded) }
            }
        }
    }

    /// The source text covered by some tokens, exactly as written.
    static func rawText(_ tokens: ArraySlice<Token>, source: SourceText) -> String {
        guard let first = tokens.first, let last = tokens.last, first.range.line == last.range.line else {
            return tokens.map(\.text).joined(separator: " ")
        }
        let chars = source.lines[first.range.line - 1]
        let start = max(0, first.range.column - 1)
        let end = min(chars.count, last.range.endColumn - 1)
        guard start < end else { return first.text }
        return String(chars[start..<end])
    }

    /// The lookup key of a (possibly multi-word) name: folded, spaces squeezed.
    static func key(_ raw: String) -> String {
        TextFolding.fold(raw).split(whereSeparator: { TextFolding.isSpace($0) }).joined(separator: " ")
    }
}
