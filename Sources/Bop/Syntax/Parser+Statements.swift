/// Command dispatch: the first word of a line decides what it is.
extension Parser {
    /// Parses one statement at the cursor. Block statements also read their body.
    func parseStatement() -> Statement? {
        guard let start = cursor.peek() else { return nil }
        guard enterNesting(at: start.range) else { return nil }
        defer { nesting -= 1 }
        if cursor.index == 0, reportAnotherWay() { return nil }
        guard let first = cursor.peek() else { return nil }
        switch first.kind {
        case .symbol:
            reportMark(first)
            cursor.index = cursor.tokens.count
            return nil
        case .number:
            reportNumberFirst(first)
            cursor.index = cursor.tokens.count
            return nil
        case .string:
            let fixed = messages.keyword(.say) + " " + lineWith(first.range, replacedBy: "\"\(first.text)\"")
            report(
                .unknownWord, at: first.range, ["word": first.text, "suggestion": fixed], try: "try-guess",
                fixIt: FixIt(
                    range: SourceRange(
                        line: first.range.line, column: first.range.column, endColumn: first.range.column),
                    replacement: messages.keyword(.say) + " "))
            cursor.index = cursor.tokens.count
            return nil
        case .word:
            break
        }
        if let keyword = first.keyword, let needed = Levels.command[keyword] {
            if needed > level {
                // `跳绳` is not `跳` (dance) glued to a name: a word the child made up, not one to unlock.
                if let next = cursor.peek(1), next.isName, next.range.line == first.range.line,
                    next.range.column == first.range.endColumn, first.text.last.map(TextFolding.isCJK) == true,
                    next.text.first.map(TextFolding.isCJK) == true
                {
                    let range = first.range.union(next.range)
                    report(
                        .unknownWord, at: range,
                        ["word": first.text + next.text, "choices": commandList(upTo: level)], try: "try-list")
                    cursor.index = cursor.tokens.count
                    return nil
                }
                report(
                    .notYet, at: first.range, ["word": first.text, "needed": "\(needed)", "level": "\(level)"])
                skipBlockIfOpener(keyword)
                return nil
            }
            return parseCommand(keyword)
        }
        if first.keyword == .level {
            if currentLineNumber != levelLine {
                report(.levelNotFirst, at: first.range)
            }
            cursor.index = cursor.tokens.count
            return nil
        }
        if let call = parseCall() { return call }
        reportUnknownFirstWord(first)
        cursor.index = cursor.tokens.count
        return nil
    }

    /// Habits from Python and Scratch, said the Bop way: `nod()` and `say("hi")` (no brackets), `repeat 3 times:`
    /// (no colon), `if x == 10` (`is`), `x = 5` (`set x to 5`). A colon or `==` is reported and the line read on
    /// (so the block's `end` still matches); a bracketed command or `x = 5` is reported and the line skipped.
    /// Returns true when the line was skipped.
    func reportAnotherWay() -> Bool {
        var tokens = cursor.tokens
        guard tokens.contains(where: { $0.kind == .symbol }), let first = tokens.first else { return false }
        let line = first.range.line
        // `x = 5`
        if first.isName, tokens.count > 2, tokens[1].isSymbol("="), !tokens[2].isSymbol("=") {
            let value = Prescan.rawText(tokens[2...], source: source)
            let fix = "\(messages.keyword(.set)) \(first.text) \(messages.keyword(.to)) \(value)"
            report(
                .anotherWay, at: tokens[1].range, ["fix": fix], message: "message-equals",
                fixIt: FixIt(
                    range: first.range.union(tokens[1].range),
                    replacement: "\(messages.keyword(.set)) \(first.text) \(messages.keyword(.to))"))
            cursor.index = tokens.count
            return true
        }
        // `nod()`, `say("hello")`, `look(left, 30)`
        if first.keyword.flatMap({ Levels.command[$0] }) != nil, tokens.count >= 3, tokens[1].isSymbol("("),
            let last = tokens.last, last.isSymbol(")")
        {
            let inside = tokens[2..<(tokens.count - 1)].filter { !($0.kind == .symbol && $0.text == ",") }
            let insideText = inside.map { Prescan.rawText([$0][...], source: source) }.joined(separator: " ")
            let replacement = insideText.isEmpty ? "" : " " + insideText
            let range = tokens[1].range.union(last.range)
            report(
                .anotherWay, at: range, ["fix": first.text + replacement], message: "message-brackets",
                fixIt: FixIt(range: range, replacement: replacement))
            cursor.index = tokens.count
            return true
        }
        // `if x == 10`
        if let i = tokens.indices.dropLast().first(where: {
            tokens[$0].isSymbol("=") && tokens[$0 + 1].isSymbol("=")
                && tokens[$0].range.endColumn == tokens[$0 + 1].range.column
        }) {
            let range = tokens[i].range.union(tokens[i + 1].range)
            let word = messages.keyword(.is)
            report(
                .anotherWay, at: range, ["fix": lineWith(range, replacedBy: word)], message: "message-double-equals",
                fixIt: FixIt(range: range, replacement: word))
            var isToken = tokens[i]
            isToken.kind = .word
            isToken.text = word
            isToken.folded = TextFolding.fold(word)
            isToken.keyword = .is
            isToken.range = range
            tokens.replaceSubrange(i...(i + 1), with: [isToken])
        }
        // `repeat 3 times:`
        if let last = tokens.last, last.isSymbol(":"), tokens.count > 1, last.range.line == line {
            let fix = lineWith(last.range, replacedBy: "")
            report(
                .anotherWay, at: last.range, ["fix": fix],
                fixIt: FixIt(range: last.range, replacement: ""))
            tokens.removeLast()
        }
        cursor.tokens = tokens
        return false
    }

    /// After "not yet" on a block opener, reads its body anyway so the `end`s still match.
    private func skipBlockIfOpener(_ keyword: BopKeyword) {
        let opener = cursor.tokens[cursor.index]
        cursor.index = cursor.tokens.count
        switch keyword {
        case .forever, .together, .define, .if, .in:
            _ = parseBlockBody(opener: opener)
        case .repeat:
            if !cursor.tokens.contains(where: {
                $0.keyword.flatMap { Levels.command[$0] } != nil && $0.keyword != .repeat
            }) {
                _ = parseBlockBody(opener: opener)
            }
        case .pick:
            if cursor.tokens.count > 1 && cursor.tokens[1].keyword == .one { _ = parseBlockBody(opener: opener) }
        case .mirror:
            if cursor.tokens.count == 1 { _ = parseBlockBody(opener: opener) }
        default: break
        }
    }

    private func parseCommand(_ keyword: BopKeyword) -> Statement? {
        switch keyword {
        case .say: return parseSay()
        case .look, .tilt, .nod, .shake, .raise, .lower, .turn, .wiggle: return parseMotion()
        case .wait: return parseWait()
        case .play: return parsePlay()
        case .dance: return parseDance()
        case .repeat: return parseRepeat()
        case .forever, .together: return parseSimpleBlock(keyword)
        case .in: return parseInOrder()
        case .define: return parseDefine()
        case .mirror: return parseMirror()
        case .do:
            guard let doToken = cursor.next() else { return nil }
            if let call = parseCall() { return call }
            if let next = cursor.peek() {
                reportUnknownFirstWord(next)
            } else {
                report(.missingName, at: doToken.range, ["word": doToken.text, "fix": doToken.text + " sway"])
            }
            cursor.index = cursor.tokens.count
            return nil
        case .set, .change: return parseAssignment(keyword)
        case .pick: return parsePick()
        case .if: return parseIf()
        case .tempo: return parseTempo()
        case .speed: return parseSpeed()
        case .stop:
            guard let token = cursor.next() else { return nil }
            return Statement(kind: .stop, range: token.range)
        default: return nil
        }
    }

    /// A line that starts with a number: `3 nod` → try `nod 3 times`.
    private func reportNumberFirst(_ token: Token) {
        let rest = cursor.tokens.dropFirst()
        var fix = messages.keyword(.nod) + " " + token.text + " " + messages.keyword(.times)
        if let command = rest.first, command.keyword.flatMap({ Levels.command[$0] }) != nil {
            let restText = Prescan.rawText(rest, source: source)
            fix = restText + " " + token.text + " " + messages.keyword(.times)
        }
        report(
            .numberNotWord, at: token.range,
            ["number": token.text, "choices": choiceList([.say, .look, .nod]), "fix": fix])
    }

    /// "I don't know how to `nodd`. Did you mean `nod`?" — over commands, the child's moves and (for a word
    /// that is a keyword but not a command, like `left`) a plain explanation.
    func reportUnknownFirstWord(_ token: Token) {
        if reportedHabit(token) { return }
        if let (phrase, range) = guessPhrase(startingWith: token) {
            report(
                .unknownWord, at: range,
                [
                    "word": Prescan.rawText(cursor.tokens[cursor.index...].prefix(2), source: source),
                    "suggestion": phrase,
                ],
                try: "try-guess", fixIt: FixIt(range: range, replacement: phrase))
            return
        }
        // A word alone on its line may be a slip for `end` or `else` (`ned`, `结速`).
        let commands = Array(Levels.command.keys) + (cursor.tokens.count == 1 ? [.end, .else] : [])
        let moveCandidates = moveNames.values.map(\.name)
        let keywordGuess = guessKeyword(token.text, among: commands)
        let moveGuess = Suggestions.best(for: token.text, among: moveCandidates)
        if let guess = moveGuess, keywordGuess == nil || Levels.calls <= level {
            let line = moveNames[Prescan.key(guess)]?.line ?? 0
            report(
                .unknownMove, at: token.range, ["word": token.text, "suggestion": guess, "line": "\(line)"],
                try: "try-guess", fixIt: FixIt(range: token.range, replacement: guess))
            return
        }
        if let guess = keywordGuess {
            report(
                .unknownWord, at: token.range, ["word": token.text, "suggestion": guess], try: "try-guess",
                fixIt: FixIt(range: token.range, replacement: guess))
            return
        }
        if level >= Levels.calls && token.isName && cursor.tokens.count == 1 {
            report(.unknownMove, at: token.range, ["word": token.text])
            return
        }
        report(
            .unknownWord, at: token.range,
            ["word": token.text, "choices": commandList(upTo: level)], try: "try-list")
    }

    /// A Chinese line that starts like a command phrase but slips on the next word (`向左砍` for `向左看`,
    /// `向左转` written without a known verb): the phrase of the program's language it sounds like, and where it is.
    private func guessPhrase(startingWith token: Token) -> (String, SourceRange)? {
        guard token.keyword != nil, token.text.first.map(TextFolding.isCJK) == true,
            cursor.peek()?.range == token.range, let next = cursor.peek(1), next.kind == .word,
            next.range.line == token.range.line
        else { return nil }
        let written = Prescan.rawText(cursor.tokens[cursor.index...(cursor.index + 1)], source: source)
        let phrases = messages.language.phrases.filter { phrase in
            phrase.value.contains { Levels.command[BopKeyword(rawValue: $0) ?? .end] != nil }
        }
        guard let guess = Suggestions.best(for: written, among: phrases.keys.sorted()) else { return nil }
        return (guess, token.range.union(next.range))
    }

    /// `a, b or c` in the program's language.
    /// The command words of `level` and below as the guide teaches them, for "I know these words".
    func commandList(upTo level: Int) -> String {
        let words = Levels.commands(upTo: level).map { messages.quoted(messages.language.guideWord($0)) }
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: messages.text("list.separator")) + messages.text("list.or")
            + (words.last ?? "")
    }

    func choiceList(_ keywords: [BopKeyword]) -> String {
        let words = keywords.map { messages.quoted(messages.keyword($0)) }
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + messages.text("list.or") + (words.last ?? "")
    }

    // MARK: Calls

    /// A call to one of the child's moves, longest name first: `happy dance 2 times`, `bob with 20 and 5`.
    func parseCall() -> Statement? {
        guard let first = cursor.peek(), first.kind == .word else { return nil }
        var best: (length: Int, key: String)?
        var length = 1
        while cursor.index + length <= cursor.tokens.count {
            let slice = cursor.tokens[cursor.index..<(cursor.index + length)]
            guard slice.allSatisfy({ $0.kind == .word }) else { break }
            let key = Prescan.key(Prescan.rawText(slice, source: source))
            if moveNames[key] != nil { best = (length, key) }
            length += 1
        }
        guard let (count, key) = best, let info = moveNames[key] else { return nil }
        if level < Levels.calls {
            report(.notYet, at: first.range, ["word": info.name, "needed": "\(Levels.calls)", "level": "\(level)"])
            cursor.index = cursor.tokens.count
            return nil
        }
        let nameRange = first.range.union(cursor.tokens[cursor.index + count - 1].range)
        cursor.index += count
        var arguments: [Expression] = []
        if let with = cursor.accept(.with) {
            if level < Levels.parameters {
                report(
                    .notYet, at: with.range,
                    ["word": with.text, "needed": "\(Levels.parameters)", "level": "\(level)"])
                cursor.index = cursor.tokens.count
                return nil
            }
            repeat {
                guard let value = parseExpression(after: with.text) else { return nil }
                arguments.append(value)
            } while cursor.accept(.and) != nil
        }
        let repeats = parseCount()
        if arguments.count != info.parameters {
            let example =
                info.name
                + (info.parameters > 0
                    ? " " + messages.keyword(.with) + " "
                        + Array(repeating: "10", count: info.parameters).joined(
                            separator: " " + messages.keyword(.and) + " ")
                    : "")
            report(
                .wrongArguments, at: nameRange,
                ["word": info.name, "expected": "\(info.parameters)", "got": "\(arguments.count)", "fix": example])
        }
        return Statement(kind: .call(name: key, arguments: arguments, count: repeats), range: nameRange)
    }

    /// An optional `N times`, `once` or `twice`.
    func parseCount() -> Expression? {
        if let once = cursor.accept(.once) { return levelGate(once, Levels.numbers) ? .number(1, once.range) : nil }
        if let twice = cursor.accept(.twice) {
            return levelGate(twice, Levels.numbers) ? .number(2, twice.range) : nil
        }
        guard startsExpression(cursor.peek()) else { return nil }
        let save = cursor.index
        guard let value = parseExpression(after: cursor.last?.text ?? "") else { return nil }
        if acceptTimes() != nil { return value }
        cursor.index = save
        return nil
    }

    /// `times` after a count: the keyword, or a counting word of the program's language that is also another
    /// word (`点头 3下`, where `下` alone means down).
    func acceptTimes() -> Token? {
        if let times = cursor.accept(.times) { return times }
        guard let token = cursor.peek(), token.kind == .word,
            messages.language.keywords[BopKeyword.times.rawValue]?.contains(token.text) == true
        else { return nil }
        cursor.index += 1
        return token
    }

    /// Reports "not yet" if `level` is below `needed`.
    func levelGate(_ token: Token, _ needed: Int) -> Bool {
        if level >= needed { return true }
        report(
            .notYet, at: token.range, ["word": token.text, "needed": "\(needed)", "level": "\(level)"],
            message: token.kind == .number ? "message-number" : "message")
        cursor.index = cursor.tokens.count
        return false
    }
}
