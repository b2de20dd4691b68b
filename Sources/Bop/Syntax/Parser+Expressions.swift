/// Numbers and math: `3`, `size + 5`, `random 10 to 40`, `(a + b) / 2`. Below level 5 only plain numbers.
extension Parser {
    /// Whether `token` can start a number or a math expression at this level.
    func startsExpression(_ token: Token?) -> Bool {
        guard let token else { return false }
        switch token.kind {
        case .number: return true
        case .symbol: return token.text == "(" || token.text == "-"
        case .word:
            if token.keyword == .random { return true }
            return token.isName && variableNames.contains(token.folded)
        case .string: return false
        }
    }

    /// Parses a number or (level 5+) math. Reports and returns `nil` when there is none.
    func parseExpression(after: String) -> Expression? {
        guard let first = cursor.peek() else {
            reportNeedsNumber(after: after, found: nil)
            return nil
        }
        if level < Levels.math {
            if first.kind == .number {
                cursor.index += 1
                return .number(first.number, first.range)
            }
            if first.isSymbol("-"), let number = cursor.peek(1), number.kind == .number {
                cursor.index += 2
                return .number(-number.number, first.range.union(number.range))
            }
            if first.keyword == .random || first.isSymbol("(")
                || (first.isName && variableNames.contains(first.folded))
            {
                report(
                    .notYet, at: first.range, ["word": first.text, "needed": "\(Levels.math)", "level": "\(level)"])
                cursor.index = cursor.tokens.count
                return nil
            }
            reportNeedsNumber(after: after, found: first)
            return nil
        }
        guard let value = parseSum(after: after) else {
            cursor.index = cursor.tokens.count
            return nil
        }
        return value
    }

    /// `a + b - c …`: read in a loop into one flat chain, however long the line.
    private func parseSum(after: String) -> Expression? {
        guard let first = parseProduct(after: after) else { return nil }
        var operations: [MathOperation] = []
        while let op = cursor.peek(), op.isSymbol("+") || op.isSymbol("-") {
            cursor.index += 1
            guard let right = parseProduct(after: op.text, inMath: true) else { return nil }
            operations.append(MathOperation(op.text == "+" ? "+" : "-", right))
        }
        return Self.makeChain(first, operations)
    }

    /// `a * b / c …`: read in a loop into one flat chain.
    private func parseProduct(after: String, inMath: Bool = false) -> Expression? {
        guard let first = parseFactor(after: after, inMath: inMath) else { return nil }
        var operations: [MathOperation] = []
        while let op = cursor.peek(), op.isSymbol("*") || op.isSymbol("/") {
            cursor.index += 1
            guard let right = parseFactor(after: op.text, inMath: true) else { return nil }
            operations.append(MathOperation(op.text == "*" ? "*" : "/", right))
        }
        return Self.makeChain(first, operations)
    }

    /// The first operand alone, or the chain of it and its operations.
    private static func makeChain(_ first: Expression, _ operations: [MathOperation]) -> Expression {
        guard let last = operations.last else { return first }
        return .chain(first, operations, first.range.union(last.operand.range))
    }

    private func parseFactor(after: String, inMath: Bool) -> Expression? {
        guard enterNesting(at: cursor.peek()?.range ?? endOfLineRange()) else { return nil }
        defer { nesting -= 1 }
        guard let token = cursor.peek() else {
            if inMath {
                reportIncomplete(after: after)
            } else {
                reportNeedsNumber(after: after, found: nil)
            }
            return nil
        }
        switch token.kind {
        case .number:
            cursor.index += 1
            return .number(token.number, token.range)
        case .symbol where token.text == "-":
            cursor.index += 1
            guard let inner = parseFactor(after: "-", inMath: true) else { return nil }
            return .negate(inner, token.range.union(inner.range))
        case .symbol where token.text == "(":
            cursor.index += 1
            guard let inner = parseSumInside(after: "(") else { return nil }
            guard cursor.peek()?.isSymbol(")") == true else {
                report(.unclosedBracket, at: token.range)
                return nil
            }
            cursor.index += 1
            return inner
        case .word where token.keyword == .random:
            cursor.index += 1
            guard let low = parseSumInside(after: token.text) else { return nil }
            guard cursor.accept(.to) != nil else {
                reportMissingWord(
                    after: cursor.last ?? token, expected: .to, example: "\(token.text) 1 \(messages.keyword(.to)) 10"
                )
                return nil
            }
            guard let high = parseSumInside(after: messages.keyword(.to)) else { return nil }
            return .random(low, high, token.range.union(high.range))
        case .word where token.isName:
            cursor.index += 1
            if !variableNames.contains(token.folded) {
                let guess = Suggestions.best(for: token.text, among: variableNames.sorted())
                report(
                    .unknownName, at: token.range, ["word": token.text, "suggestion": guess ?? ""],
                    try: guess == nil ? "try" : "try-guess",
                    fixIt: guess.map { FixIt(range: token.range, replacement: $0) })
                return nil
            }
            return .variable(token.folded, display: token.text, token.range)
        default:
            if inMath {
                reportIncomplete(after: after)
            } else {
                reportNeedsNumber(after: after, found: token)
            }
            return nil
        }
    }

    private func parseSumInside(after: String) -> Expression? {
        guard cursor.peek() != nil else {
            reportIncomplete(after: after)
            return nil
        }
        return parseSum(after: after)
    }

    private func reportIncomplete(after: String) {
        let at = cursor.peek()?.range ?? endOfLineRange()
        let fix = cursor.peek() == nil ? lineWith(at, replacedBy: " 2") : lineWith(at, replacedBy: "2")
        report(.incompleteMath, at: at, ["after": after, "fix": fix])
        cursor.index = cursor.tokens.count
    }

    /// "I expected a number after `tempo`, but I found `fast`."
    func reportNeedsNumber(after: String, found: Token?) {
        let foundText =
            found.map { messages.text("found.word", ["word": $0.text]) } ?? messages.text("found.end")
        let range = found?.range ?? endOfLineRange()
        let example =
            TextFolding.fold(after) == TextFolding.fold(messages.keyword(.tempo)) || after.lowercased() == "tempo"
            ? "120" : "3"
        let fix: String
        if let found {
            fix = lineWith(found.range, replacedBy: example)
        } else {
            fix = lineWith(range, replacedBy: " " + example)
        }
        report(.needsNumber, at: range, ["after": after, "found": foundText, "fix": fix])
        cursor.index = cursor.tokens.count
    }

    /// "After `repeat 3` I expected the word `times`."
    func reportMissingWord(after: Token, expected keyword: BopKeyword, example: String) {
        let expected = messages.keyword(keyword)
        if let next = cursor.peek(), next.isName, let guess = guessKeyword(next.text, among: [keyword]) {
            report(
                .unknownWord, at: next.range, ["word": next.text, "suggestion": guess], message: "message-inline",
                try: "try-guess", fixIt: FixIt(range: next.range, replacement: guess))
        } else if let next = cursor.peek(), next.kind == .word {
            let afterText = Prescan.rawText(cursor.tokens[0..<min(cursor.index, cursor.tokens.count)], source: source)
            // `repeat 2x`: the word is glued to the number, so the replacement brings its own space.
            let glued =
                next.range.column == after.range.endColumn && after.range.line == next.range.line
                && !expected.contains(where: TextFolding.isCJK)
            let replacement = glued ? " " + expected : expected
            report(
                .missingWord, at: next.range,
                [
                    "after": afterText.isEmpty ? after.text : afterText, "expected": expected,
                    "fix": lineWith(next.range, replacedBy: replacement),
                ],
                fixIt: FixIt(range: next.range, replacement: replacement))
        } else {
            let at = cursor.peek()?.range ?? endOfLineRange()
            let afterText = Prescan.rawText(cursor.tokens[0..<min(cursor.index, cursor.tokens.count)], source: source)
            let insertion = SourceRange(
                line: after.range.line, column: after.range.endColumn, endColumn: after.range.endColumn)
            report(
                .missingWord, at: at,
                ["after": afterText.isEmpty ? after.text : afterText, "expected": expected, "fix": example],
                fixIt: FixIt(range: insertion, replacement: " " + expected))
        }
        cursor.index = cursor.tokens.count
    }

    /// An empty range just after the last character of the current line.
    func endOfLineRange() -> SourceRange {
        let line = lines[min(lineIndex, lines.count - 1)].number
        var length = source.lineLength(line)
        let chars = source.lines[line - 1]
        if let hash = chars.firstIndex(where: { $0 == "#" || $0 == "＃" }),
            !chars[..<hash].contains(where: { Lexer.isQuote($0) })
        {
            length = hash
        }
        while length > 0, TextFolding.isSpace(chars[length - 1]) { length -= 1 }
        return SourceRange(line: line, column: length + 1, endColumn: length + 1)
    }
}
