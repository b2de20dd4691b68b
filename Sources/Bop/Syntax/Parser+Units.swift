/// Units and signs a child gets wrong: a time where a size goes (`nod 3 seconds`), millimetres on a turn
/// (`look right 10 mm`), and a negative size that would go the other way (`look left -30`).
extension Parser {
    /// Whether a move is measured in millimetres (raising or lowering the head moves it, it does not turn it).
    static func measuredInMillimetres(_ action: MotionAction) -> Bool {
        action == .raiseHead || action == .lowerHead
    }

    /// `nod 3 seconds`: a time written where the size or count goes. Suggests `nod for 3 seconds`.
    func reportTimeNeedsFor(_ value: Expression, unit: Token) {
        let start = value.range
        let insertion = SourceRange(line: start.line, column: start.column, endColumn: start.column)
        let word = messages.keyword(.for) + " "
        let written = lineText(from: start, to: unit.range)
        report(
            .timeNeedsFor, at: start.union(unit.range),
            ["time": written, "fix": lineWith(insertion, replacedBy: word)],
            fixIt: FixIt(range: insertion, replacement: word))
        cursor.index = cursor.tokens.count
    }

    /// `look right 10 mm` (a turn in millimetres) or `raise head 10 degrees` (a lift in degrees): says how that
    /// move is measured, with the line in the right unit. False (reported) when the unit does not fit.
    func unitFits(_ unit: Token, _ action: MotionAction, verb: Token) -> Bool {
        let millimetres = Parser.measuredInMillimetres(action)
        if (unit.keyword == .mm) == millimetres { return true }
        let right = messages.keyword(millimetres ? .mm : .degrees)
        report(
            .wrongUnit, at: unit.range,
            ["word": verb.text, "unit": unit.text, "fix": lineWith(unit.range, replacedBy: right)],
            message: millimetres ? "message-mm" : "message",
            fixIt: FixIt(range: unit.range, replacement: right))
        cursor.index = cursor.tokens.count
        return false
    }

    /// `look left 30 cm` or `raise head 2 cm`: a length unit Bop does not use. A turn is in degrees; a lift is the
    /// same length in millimetres (`raise head 20 mm`), when the number is plain.
    func reportedOtherLength(_ value: Expression, _ action: MotionAction, verb: Token) -> Bool {
        guard let unit = cursor.peek(), unit.kind == .word, unit.keyword == nil else { return false }
        let folded = unit.text.lowercased()
        guard let millimetres = messages.language.otherLengths?[folded] ?? BopLanguages.english.otherLengths?[folded]
        else { return false }
        if Parser.measuredInMillimetres(action) {
            guard case .number(let n, let numberRange) = value else { return false }
            let span = numberRange.union(unit.range)
            let replacement = Format.number(n * millimetres) + " " + messages.keyword(.mm)
            report(
                .wrongUnit, at: unit.range,
                ["word": verb.text, "unit": unit.text, "fix": lineWith(span, replacedBy: replacement)],
                message: "message-mm", fixIt: FixIt(range: span, replacement: replacement))
        } else {
            let degrees = messages.keyword(.degrees)
            report(
                .wrongUnit, at: unit.range,
                ["word": verb.text, "unit": unit.text, "fix": lineWith(unit.range, replacedBy: degrees)],
                fixIt: FixIt(range: unit.range, replacement: degrees))
        }
        cursor.index = cursor.tokens.count
        return true
    }

    /// `look left -30`: a negative number after a direction word would go the other way. Says so and suggests the
    /// other direction with the number above zero (only for a plain number: a name's value is not known yet).
    func reportedOtherWay(_ value: Expression, _ action: MotionAction, verb: Token) -> Bool {
        guard case .negate(.number(let size, _), let numberRange) = value, size > 0,
            let (word, opposite) = oppositeWord(action, verb: verb), word.range.line == numberRange.line,
            word.range.column < numberRange.column
        else { return false }
        let span = word.range.union(numberRange)
        let positive = String(lineText(from: numberRange, to: numberRange).drop { $0 == "-" || $0 == " " })
        let meant: String
        if word.range.endColumn == numberRange.column || word.range.endColumn + 1 == numberRange.column {
            meant = opposite + " " + positive
        } else {
            // Other words between the direction and the number (`raise head -10`): keep them.
            let between = lineText(
                from: SourceRange(line: span.line, column: word.range.endColumn, endColumn: word.range.endColumn),
                to: SourceRange(line: span.line, column: numberRange.column, endColumn: numberRange.column))
            meant = opposite + between + positive
        }
        report(
            .otherWay, at: span,
            ["written": lineText(from: span, to: span), "meant": meant, "fix": lineWith(span, replacedBy: meant)],
            fixIt: FixIt(range: span, replacement: meant))
        cursor.index = cursor.tokens.count
        return true
    }

    /// The word that says which way a move goes, and its opposite in the program's language.
    private func oppositeWord(_ action: MotionAction, verb: Token) -> (Token, String)? {
        let word: Token
        switch action {
        case .look(_), .tilt(_), .turnBody(_):
            let ways: Set<BopKeyword> = [.left, .right, .up, .down]
            guard let way = cursor.tokens.first(where: { $0.keyword.map(ways.contains) ?? false }) else { return nil }
            word = way
        case .raiseHead, .raiseAntennas(_), .lowerHead, .lowerAntennas(_): word = verb
        default: return nil
        }
        let swapped = cursor.tokens.filter { $0.range == word.range }.compactMap(\.keyword).map {
            Parser.opposite[$0] ?? $0
        }
        // A phrase (`向左看`, `抬头`) holds several words in one: the phrase meaning the swapped words.
        if swapped.count > 1 {
            let meaning = swapped.map(\.rawValue)
            return messages.language.phrases.filter { $0.value == meaning }.keys.sorted().first.map { (word, $0) }
        }
        guard let keyword = swapped.first, keyword != word.keyword else { return nil }
        return (word, messages.keyword(keyword))
    }

    /// The word for the other way.
    static let opposite: [BopKeyword: BopKeyword] = [
        .left: .right, .right: .left, .up: .down, .down: .up, .raise: .lower, .lower: .raise,
    ]

    /// The source text from the start of `first` to the end of `last` (same line).
    func lineText(from first: SourceRange, to last: SourceRange) -> String {
        let chars = source.lines[first.line - 1]
        let start = max(0, min(chars.count, first.column - 1))
        let end = max(start, min(chars.count, last.endColumn - 1))
        return String(chars[start..<end])
    }
}
