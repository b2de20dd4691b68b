import Foundation

/// Moves, `wait`, `say`, `play sound` and `dance`.
extension Parser {
    static let optionWords: [BopKeyword] = [
        .degrees, .mm, .times, .seconds, .minutes, .beats, .in, .for, .smoothly, .gently, .bouncy, .snappy,
        .steady, .left, .right, .up, .down, .ahead, .once, .twice,
    ]
    static let feelWords: [BopKeyword: Feel] = [
        .smoothly: .smoothly, .gently: .gently, .bouncy: .bouncy, .steady: .steady, .snappy: .snappy,
    ]

    /// Moves that swing back and forth, where a bare number counts swings.
    static func swings(_ action: MotionAction) -> Bool {
        switch action {
        case .nod, .shake, .wiggleAntennas: true
        default: false
        }
    }

    /// Moves whose next word is naturally a size (`look up 20`, `turn left 90`).
    static func takesSizeFirst(_ action: MotionAction) -> Bool {
        switch action {
        case .look, .tilt, .turnBody, .raiseHead, .lowerHead, .raiseAntennas, .lowerAntennas: true
        default: false
        }
    }

    func parseMotion() -> Statement? {
        guard let verb = cursor.next(), let keyword = verb.keyword else { return nil }
        var action: MotionAction
        switch keyword {
        case .look:
            if cursor.accept(.ahead) != nil {
                action = .lookAhead
            } else if let d = cursor.accept(oneOf: .left, .right, .up, .down),
                let dir = Direction(rawValue: d.keyword?.rawValue ?? "")
            {
                action = .look(dir)
            } else {
                reportNeedsDirection(verb, choices: [.left, .right, .up, .down, .ahead], example: .left)
                return nil
            }
        case .tilt:
            _ = cursor.accept(.head)
            guard let s = cursor.accept(.left, .right), let side = Side(rawValue: s.keyword?.rawValue ?? "") else {
                reportNeedsDirection(verb, choices: [.left, .right], example: .left)
                return nil
            }
            action = .tilt(side)
        case .nod:
            _ = cursor.accept(.head)
            action = .nod
        case .shake:
            _ = cursor.accept(.head)
            action = .shake
        case .raise, .lower:
            if cursor.accept(.head) != nil {
                action = keyword == .raise ? .raiseHead : .lowerHead
            } else {
                let which =
                    cursor.accept(oneOf: .left, .right, .both).flatMap { Which(rawValue: $0.keyword?.rawValue ?? "") }
                    ?? .both
                guard cursor.accept(.antenna, .antennas) != nil else {
                    reportMissingWord(
                        after: cursor.last ?? verb, expected: .antennas,
                        example: "\(verb.text) \(messages.keyword(.antennas))")
                    return nil
                }
                action = keyword == .raise ? .raiseAntennas(which) : .lowerAntennas(which)
            }
        case .turn:
            _ = cursor.accept(.body)
            if cursor.accept(.back) != nil {
                action = .turnBack
            } else if let s = cursor.accept(.left, .right), let side = Side(rawValue: s.keyword?.rawValue ?? "") {
                action = .turnBody(side)
            } else {
                reportNeedsDirection(verb, choices: [.left, .right, .back], example: .left)
                return nil
            }
        default:
            let which =
                cursor.accept(oneOf: .left, .right, .both).flatMap { Which(rawValue: $0.keyword?.rawValue ?? "") }
                ?? .both
            _ = cursor.accept(.antenna, .antennas)
            action = .wiggleAntennas(which)
        }
        var motion = Motion(action: action)
        guard parseMotionOptions(into: &motion, verb: verb) else { return nil }
        return Statement(kind: .motion(motion), range: verb.range.union(cursor.last?.range ?? verb.range))
    }

    /// Sizes, counts, timings and feel words, in any order, each at most once.
    private func parseMotionOptions(into motion: inout Motion, verb: Token) -> Bool {
        while let token = cursor.peek() {
            if token.keyword == .a, let size = cursor.peek(1), size.keyword == .little || size.keyword == .lot {
                cursor.index += 2
                motion.amount = size.keyword == .little ? .little : .lot
            } else if token.keyword == .once || token.keyword == .twice {
                guard let count = parseCount() else { return false }
                motion.count = count
            } else if token.keyword == .in || token.keyword == .for {
                guard let timing = parseTiming(after: token) else { return false }
                motion.timing = timing
            } else if let keyword = token.keyword, let easing = Parser.feelWords[keyword] {
                guard levelGate(token, Levels.beatsAndFeel) else { return false }
                cursor.index += 1
                motion.feel = easing
            } else if startsExpression(token) {
                if token.kind == .number && !levelGate(token, Levels.numbers) { return false }
                guard let value = parseExpression(after: cursor.last?.text ?? verb.text) else { return false }
                if acceptTimes() != nil {
                    motion.count = value
                } else if reportedOtherLength(value, motion.action, verb: verb) {
                    return false
                } else if let unit = cursor.peek(), [.seconds, .minutes, .beats].contains(unit.keyword) {
                    reportTimeNeedsFor(value, unit: unit)
                    return false
                } else if let unit = cursor.accept(.degrees, .mm) {
                    guard unitFits(unit, motion.action, verb: verb) else { return false }
                    guard !reportedOtherWay(value, motion.action, verb: verb) else { return false }
                    motion.amount = .value(value)
                } else if !Parser.swings(motion.action) || motion.count != nil {
                    guard !reportedOtherWay(value, motion.action, verb: verb) else { return false }
                    motion.amount = .value(value)
                } else {
                    // `nod 3` means three nods; a size needs its unit (`nod 30 degrees`).
                    motion.count = value
                }
            } else if token.isName, level >= Levels.math, motion.amount == nil,
                Parser.takesSizeFirst(motion.action)
                    || Suggestions.best(for: token.text, among: variableNames.sorted()) != nil,
                guessKeyword(token.text, among: Parser.optionWords) == nil
            {
                // A size written as a name nobody set (`look up size`): say so, with a guess.
                _ = parseExpression(after: cursor.last?.text ?? verb.text)
                return false
            } else {
                break
            }
        }
        return true
    }

    /// `in 2 seconds`, `for 1 beat`; a number alone means seconds.
    func parseTiming(after word: Token) -> Timing? {
        cursor.index += 1
        guard levelGate(word, Levels.numbers) else { return nil }
        guard let value = parseExpression(after: word.text) else { return nil }
        guard let unit = parseTimeUnit() else { return nil }
        return Timing(value: value, unit: unit)
    }

    /// The unit after a time (`seconds`, `minutes`, `beats`); seconds when there is none; nil (reported) when
    /// `beats` is not unlocked yet.
    private func parseTimeUnit() -> TimeUnit? {
        guard let u = cursor.accept(oneOf: .seconds, .minutes, .beats) else { return .seconds }
        switch u.keyword {
        case .beats:
            guard levelGate(u, Levels.beatsAndFeel) else { return nil }
            return .beats
        case .minutes: return .minutes
        default: return .seconds
        }
    }

    /// `look` with no way to go, or `look 30` (a number where the direction goes).
    private func reportNeedsDirection(_ verb: Token, choices: [BopKeyword], example: BopKeyword) {
        if let next = cursor.peek(), next.kind == .number {
            let fix = lineWith(next.range, replacedBy: messages.keyword(example) + " " + next.text)
            report(
                .numberNotWord, at: next.range,
                ["number": next.text, "choices": choiceList(choices), "fix": fix],
                fixIt: FixIt(range: next.range, replacement: messages.keyword(example) + " " + next.text))
        } else if let next = cursor.peek(), next.isName, let guess = guessKeyword(next.text, among: choices) {
            report(
                .unknownWord, at: next.range, ["word": next.text, "suggestion": guess], message: "message-inline",
                try: "try-guess", fixIt: FixIt(range: next.range, replacement: guess))
        } else {
            let at = cursor.peek()?.range ?? verb.range
            let insertion = SourceRange(
                line: verb.range.line, column: verb.range.endColumn, endColumn: verb.range.endColumn)
            report(
                .needsDirection, at: at,
                ["word": verb.text, "fix": verb.text + " " + messages.keyword(example)],
                fixIt: cursor.atEnd ? FixIt(range: insertion, replacement: " " + messages.keyword(example)) : nil)
        }
        cursor.index = cursor.tokens.count
    }

    func parseWait() -> Statement? {
        guard let word = cursor.next() else { return nil }
        guard startsExpression(cursor.peek()) else { return Statement(kind: .wait(nil), range: word.range) }
        if let number = cursor.peek(), number.kind == .number, !levelGate(number, Levels.numbers) { return nil }
        guard let value = parseExpression(after: word.text) else { return nil }
        guard let unit = parseTimeUnit() else { return nil }
        return Statement(
            kind: .wait(Timing(value: value, unit: unit)), range: word.range.union(cursor.last?.range ?? word.range))
    }

    // MARK: say

    func parseSay() -> Statement? {
        guard let word = cursor.next() else { return nil }
        let lineNumber = word.range.line
        if level < Levels.beatsAndFeel {
            // Levels 1–2: everything after `say` is spoken (up to a `#` comment).
            let chars = source.lines[lineNumber - 1]
            var end = chars.count
            if let hash = chars[(word.range.endColumn - 1)...].firstIndex(where: { $0 == "#" || $0 == "＃" }) {
                end = hash
            }
            var text = String(chars[min(end, word.range.endColumn - 1)..<end]).trimmingCharacters(in: .whitespaces)
            // `说：你好`: the colon after `say` is decoration.
            if text.first == "：" || text.first == ":" { text = text.dropFirst().trimmingCharacters(in: .whitespaces) }
            if let first = text.first, Lexer.isQuote(first) {
                text.removeFirst()
                if let last = text.last, Lexer.isQuote(last) { text.removeLast() }
            }
            cursor.index = cursor.tokens.count
            guard !text.isEmpty else {
                reportSayNothing(word)
                return nil
            }
            return Statement(kind: .say([.text(text)]), range: word.range)
        }
        var pieces: [SayPiece] = []
        while let token = cursor.peek() {
            if case .string(let closed, _) = token.kind {
                guard closed else {
                    reportUnclosed(token)
                    cursor.index = cursor.tokens.count
                    return nil
                }
                cursor.index += 1
                pieces.append(.text(token.text))
            } else if startsExpression(token) && (level >= Levels.math || token.kind == .number) {
                guard let value = parseExpression(after: word.text) else { return nil }
                pieces.append(.value(value))
            } else {
                // Unquoted words: suggest the whole rest of the line in quote marks.
                let restStart = token.range.column
                let chars = source.lines[lineNumber - 1]
                let endRange = endOfLineRange()
                let rest = String(chars[(restStart - 1)..<max(restStart - 1, endRange.column - 1)])
                let range = SourceRange(line: lineNumber, column: restStart, endColumn: endRange.column)
                let fixed = "\"" + rest.trimmingCharacters(in: .whitespaces) + "\""
                report(
                    .sayNeedsQuotes, at: range, ["fix": lineWith(range, replacedBy: fixed)],
                    fixIt: FixIt(range: range, replacement: fixed))
                cursor.index = cursor.tokens.count
                return nil
            }
        }
        guard !pieces.isEmpty else {
            reportSayNothing(word)
            return nil
        }
        return Statement(kind: .say(pieces), range: word.range.union(cursor.last?.range ?? word.range))
    }

    private func reportSayNothing(_ word: Token) {
        let example = level < Levels.beatsAndFeel ? "Hello" : "\"Hello\""
        let insertion = SourceRange(
            line: word.range.line, column: word.range.endColumn, endColumn: word.range.endColumn)
        report(
            .missingWord, at: word.range,
            ["after": word.text, "expected": example, "fix": "\(word.text) \(example)"],
            fixIt: FixIt(range: insertion, replacement: " " + example))
    }

    // MARK: play sound, dance

    func parsePlay() -> Statement? {
        guard let word = cursor.next() else { return nil }
        if let emotion = cursor.accept(.emotion) { return parseEmotion(play: word, emotion: emotion) }
        _ = cursor.accept(.sound)
        var name: String?
        if let token = cursor.peek(), case .string(let closed, _) = token.kind {
            guard closed else {
                reportUnclosed(token)
                cursor.index = cursor.tokens.count
                return nil
            }
            cursor.index += 1
            name = token.text
        } else {
            let start = cursor.index
            while let t = cursor.peek(), t.kind == .word || t.kind == .number, t.keyword != .in, t.keyword != .for {
                cursor.index += 1
            }
            if cursor.index > start { name = Prescan.rawText(cursor.tokens[start..<cursor.index], source: source) }
        }
        guard let name, !name.isEmpty else {
            let fix = "\(word.text) \(messages.keyword(.sound)) dance1"
            report(.missingName, at: word.range, ["word": word.text, "fix": fix])
            cursor.index = cursor.tokens.count
            return nil
        }
        guard let known = SoundLibrary.resolve(name) else {
            let range = word.range.union(cursor.tokens[max(0, cursor.index - 1)].range)
            let guess = Suggestions.best(for: name, among: SoundLibrary.names)
            report(
                .unknownSound, at: range,
                ["word": name, "suggestion": guess ?? "", "choices": SoundLibrary.names.joined(separator: ", ")],
                try: guess == nil ? "try" : "try-guess",
                fixIt: nil)
            cursor.index = cursor.tokens.count
            return nil
        }
        var timing: Timing?
        if let t = cursor.peek(), t.keyword == .in || t.keyword == .for {
            guard let parsed = parseTiming(after: t) else { return nil }
            timing = parsed
        }
        return Statement(kind: .playSound(name: known, timing: timing), range: word.range)
    }

    /// `play emotion NAME`: the name as written (one or more words or numbers, `cheerful1`); the emotions library is
    /// looked at while compiling (``EmotionResolver``), not here.
    func parseEmotion(play word: Token, emotion: Token) -> Statement? {
        let start = cursor.index
        while let t = cursor.peek(), t.kind == .word || t.kind == .number { cursor.index += 1 }
        guard cursor.index > start else {
            let written = Prescan.rawText(cursor.tokens[cursor.index - 2..<cursor.index], source: source)
            report(.missingName, at: word.range.union(emotion.range), ["word": written, "fix": "\(written) cheerful1"])
            cursor.index = cursor.tokens.count
            return nil
        }
        let nameTokens = cursor.tokens[start..<cursor.index]
        let name = Prescan.rawText(nameTokens, source: source)
        let range = (nameTokens.first?.range ?? emotion.range).union(nameTokens.last?.range ?? emotion.range)
        return Statement(kind: .playEmotion(name: name, nameRange: range), range: word.range)
    }

    func parseDance() -> Statement? {
        guard let word = cursor.next() else { return nil }
        let start = cursor.index
        while let t = cursor.peek(), t.kind == .word, t.keyword != .once, t.keyword != .twice { cursor.index += 1 }
        guard cursor.index > start else {
            // The example dance is one of the program's language (`跳舞 律动摇摆`).
            let local = messages.language.code == BopLanguages.english.code ? [] : Dances.localNames(messages.language)
            let example = local.first { Dances.resolve($0, language: messages.language) == "groovy_sway_and_roll" }
            report(
                .missingName, at: word.range, ["word": word.text, "fix": "\(word.text) \(example ?? "groovy sway")"])
            cursor.index = cursor.tokens.count
            return nil
        }
        let nameTokens = cursor.tokens[start..<cursor.index]
        let raw = Prescan.rawText(nameTokens, source: source)
        let range = (nameTokens.first?.range ?? word.range).union(nameTokens.last?.range ?? word.range)
        guard let official = Dances.resolve(raw, language: messages.language) else {
            // A program in another language hears its own dance names (`点头舞`), not the English ones.
            let local = messages.language.code == BopLanguages.english.code ? [] : Dances.localNames(messages.language)
            let guess =
                Suggestions.best(for: raw, among: local)
                ?? Suggestions.best(
                    for: raw, among: Dances.kidNames + Dances.kidAliases)
            let choices =
                local.isEmpty
                ? Dances.kidNames.prefix(6).joined(separator: ", ") + ", …"
                : local.joined(separator: messages.text("list.separator"))
            report(
                .unknownDance, at: range,
                ["word": raw, "suggestion": guess ?? "", "choices": choices],
                try: guess == nil ? "try" : "try-guess", fixIt: guess.map { FixIt(range: range, replacement: $0) })
            cursor.index = cursor.tokens.count
            return nil
        }
        let count = parseCount()
        return Statement(kind: .dance(name: official, count: count), range: word.range.union(range))
    }
}
