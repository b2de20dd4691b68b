/// `repeat`, `forever`, `together`, `in order`, `define`, `mirror`, `pick`, `if`, `set`/`change`, `tempo`, `speed`.
extension Parser {
    /// Whether the rest of the line holds another command (then a block header is a one-line block).
    private func restHasCommand() -> Bool {
        cursor.tokens[min(cursor.index, cursor.tokens.count)...].contains {
            guard let k = $0.keyword else { return false }
            return Levels.command[k] != nil
        }
    }

    /// After an error in a block header: read the body anyway (unless the line was one-line) to keep `end`s.
    private func recoverBlock(_ opener: Token, oneLine: Bool) -> Statement? {
        cursor.index = cursor.tokens.count
        if !oneLine { _ = parseBlockBody(opener: opener) }
        return nil
    }

    func parseRepeat() -> Statement? {
        guard let word = cursor.next() else { return nil }
        let oneLine = restHasCommand()
        if let times = cursor.peek(), times.keyword == .times {
            let fix = lineWith(
                SourceRange(line: times.range.line, column: times.range.column, endColumn: times.range.column),
                replacedBy: "3 ")
            report(
                .repeatNeedsNumber, at: times.range, ["fix": fix],
                fixIt: FixIt(
                    range: SourceRange(
                        line: times.range.line, column: times.range.column, endColumn: times.range.column),
                    replacement: "3 "))
            return recoverBlock(word, oneLine: oneLine)
        }
        guard let count = parseExpression(after: word.text) else { return recoverBlock(word, oneLine: oneLine) }
        guard acceptTimes() != nil else {
            reportMissingWord(
                after: cursor.last ?? word, expected: .times,
                example: "\(word.text) 3 \(messages.keyword(.times))")
            return recoverBlock(word, oneLine: oneLine)
        }
        var counter: String?
        if let with = cursor.accept(.with) {
            guard levelGate(with, Levels.math) else { return recoverBlock(word, oneLine: oneLine) }
            guard let name = cursor.peek(), name.isName else {
                report(
                    .missingName, at: cursor.peek()?.range ?? with.range,
                    ["word": with.text, "fix": "\(word.text) 8 \(messages.keyword(.times)) \(with.text) n"])
                return recoverBlock(word, oneLine: oneLine)
            }
            cursor.index += 1
            counter = name.folded
        }
        if !cursor.atEnd {
            if oneLine, let inline = parseStatement() {
                return Statement(kind: .repeatLoop(count: count, counter: counter, body: [inline]), range: word.range)
            }
            if !hasError(onLine: word.range.line) { reportExtra(expected: [.times, .with]) }
            return recoverBlock(word, oneLine: oneLine)
        }
        let body = parseBlockBody(opener: word)
        return Statement(kind: .repeatLoop(count: count, counter: counter, body: body), range: word.range)
    }

    /// `forever` and `together`: a word on its own line, then a body.
    func parseSimpleBlock(_ keyword: BopKeyword) -> Statement? {
        guard let word = cursor.next() else { return nil }
        finishHeader()
        let body = parseBlockBody(opener: word)
        let kind: StatementKind = keyword == .forever ? .forever(body) : .together(body)
        return Statement(kind: kind, range: word.range)
    }

    func parseInOrder() -> Statement? {
        guard let word = cursor.next() else { return nil }
        guard cursor.accept(.order) != nil else {
            reportMissingWord(after: word, expected: .order, example: "\(word.text) \(messages.keyword(.order))")
            return recoverBlock(word, oneLine: false)
        }
        finishHeader()
        let body = parseBlockBody(opener: word)
        return Statement(kind: .inOrder(body), range: word.range.union(cursor.last?.range ?? word.range))
    }

    func parseDefine() -> Statement? {
        guard let word = cursor.next() else { return nil }
        let moveWord = cursor.accept(.move)
        let start = cursor.index
        while let t = cursor.peek(), t.keyword != .with { cursor.index += 1 }
        let nameTokens = cursor.tokens[start..<cursor.index]
        if !openBlocks.isEmpty {
            report(.defineNotAtTop, at: word.range)
            return recoverBlock(word, oneLine: false)
        }
        guard let firstName = nameTokens.first, let lastName = nameTokens.last else {
            let fix = "\(word.text) \(moveWord?.text ?? messages.keyword(.move)) sway"
            report(.missingName, at: (moveWord ?? word).range, ["word": word.text, "fix": fix])
            return recoverBlock(word, oneLine: false)
        }
        let raw = Prescan.rawText(nameTokens, source: source)
        let key = Prescan.key(raw)
        let nameRange = firstName.range.union(lastName.range)
        if let bad = nameTokens.first(where: { $0.kind != .word }) {
            if bad.kind == .symbol {
                reportMark(bad)
            } else {
                report(.extraWords, at: bad.range, ["word": bad.text])
            }
            return recoverBlock(word, oneLine: false)
        }
        if let k = firstName.keyword, Levels.command[k] != nil || k == .end {
            report(
                .nameTaken, at: firstName.range,
                ["word": firstName.text, "what": messages.text("name-taken.keyword")])
            return recoverBlock(word, oneLine: false)
        }
        if let existing = moves[key] {
            let what = messages.text("name-taken.move", ["line": "\(existing.range.line)"])
            report(.nameTaken, at: nameRange, ["word": raw, "what": what])
            return recoverBlock(word, oneLine: false)
        }
        var parameters: [String] = []
        if let with = cursor.accept(.with) {
            guard levelGate(with, Levels.parameters) else { return recoverBlock(word, oneLine: false) }
            repeat {
                guard let name = cursor.peek(), name.isName else {
                    report(
                        .missingName, at: cursor.peek()?.range ?? with.range,
                        ["word": with.text, "fix": "\(word.text) \(messages.keyword(.move)) \(raw) \(with.text) size"])
                    return recoverBlock(word, oneLine: false)
                }
                cursor.index += 1
                parameters.append(name.folded)
            } while cursor.accept(.and) != nil
        }
        finishHeader()
        let body = parseBlockBody(opener: word)
        moves[key] = MoveDefinition(name: raw, parameters: parameters, body: body, range: word.range.union(nameRange))
        return nil
    }

    func parseMirror() -> Statement? {
        guard let word = cursor.next() else { return nil }
        if cursor.atEnd {
            let body = parseBlockBody(opener: word)
            return Statement(kind: .mirror(body), range: word.range)
        }
        guard let inner = parseStatement() else { return nil }
        return Statement(kind: .mirror([inner]), range: word.range)
    }

    func parseAssignment(_ keyword: BopKeyword) -> Statement? {
        guard let word = cursor.next() else { return nil }
        let joiner: BopKeyword = keyword == .set ? .to : .by
        let example = "\(word.text) size \(messages.keyword(joiner)) 10"
        guard let name = cursor.peek(), name.kind == .word else {
            report(.missingName, at: cursor.peek()?.range ?? word.range, ["word": word.text, "fix": example])
            cursor.index = cursor.tokens.count
            return nil
        }
        if name.keyword != nil {
            report(.nameTaken, at: name.range, ["word": name.text, "what": messages.text("name-taken.keyword")])
            cursor.index = cursor.tokens.count
            return nil
        }
        cursor.index += 1
        guard
            cursor.accept(joiner) != nil
                || (keyword == .set && cursor.peek()?.isSymbol("=") == true
                    && {
                        cursor.index += 1
                        return true
                    }())
        else {
            // `change x to 10`: `by` would change the meaning; the child wants `set x to 10`.
            if keyword == .change, let to = cursor.peek(), to.keyword == .to || to.isSymbol("=") {
                let setWord = messages.keyword(.set)
                let fix = lineWith(
                    word.range.union(to.range), replacedBy: "\(setWord) \(name.text) \(messages.keyword(.to))")
                report(
                    .missingWord, at: to.range,
                    [
                        "after": Prescan.rawText(cursor.tokens[0..<cursor.index], source: source),
                        "expected": messages.keyword(.by), "fix": fix,
                    ],
                    try: "try-set", fixIt: FixIt(range: word.range, replacement: setWord))
                cursor.index = cursor.tokens.count
                return nil
            }
            reportMissingWord(
                after: name, expected: joiner, example: "\(word.text) \(name.text) \(messages.keyword(joiner)) 10")
            return nil
        }
        guard let value = parseExpression(after: cursor.last?.text ?? word.text) else { return nil }
        let kind: StatementKind =
            keyword == .set ? .set(name: name.folded, value: value) : .change(name: name.folded, by: value)
        return Statement(kind: kind, range: word.range.union(value.range))
    }

    func parsePick() -> Statement? {
        guard let word = cursor.next() else { return nil }
        if cursor.accept(.one) != nil {
            finishHeader()
            let body = parseBlockBody(opener: word)
            return Statement(kind: .pickOne(body), range: word.range)
        }
        var options: [Statement] = []
        while !cursor.atEnd {
            guard let option = parseStatement() else { return nil }
            options.append(option)
            if cursor.accept(.or) != nil { continue }
            if let next = cursor.peek() {
                if next.keyword.flatMap({ Levels.command[$0] }) != nil || moveNames[next.folded] != nil {
                    let insertion = SourceRange(
                        line: next.range.line, column: next.range.column, endColumn: next.range.column)
                    let fixed = lineWith(insertion, replacedBy: messages.keyword(.or) + " ")
                    report(
                        .pickNeedsOr, at: next.range, ["fix": fixed],
                        fixIt: FixIt(range: insertion, replacement: messages.keyword(.or) + " "))
                    cursor.index = cursor.tokens.count
                    return nil
                }
                break
            }
        }
        guard !options.isEmpty else {
            report(
                .missingName, at: word.range,
                ["word": word.text, "fix": "\(word.text) nod \(messages.keyword(.or)) shake"])
            return nil
        }
        return Statement(kind: .pickOne(options), range: word.range)
    }

    func parseIf() -> Statement? {
        guard let word = cursor.next() else { return nil }
        let example = "\(word.text) n \(messages.keyword(.is)) 4"
        guard let left = parseExpression(after: word.text) else { return recoverIf(word) }
        var comparison: Condition.Comparison?
        if cursor.accept(.is) != nil {
            if cursor.accept(.not) != nil {
                comparison = .notEqual
            } else if cursor.accept(.more) != nil {
                _ = cursor.accept(.than)
                comparison = .more
            } else if cursor.accept(.less) != nil {
                _ = cursor.accept(.than)
                comparison = .less
            } else {
                comparison = .equal
            }
        } else if let symbol = cursor.peek(), symbol.kind == .symbol {
            switch symbol.text {
            case "=": comparison = .equal
            case "≠": comparison = .notEqual
            case ">": comparison = .more
            case "<": comparison = .less
            default: comparison = nil
            }
            if comparison != nil { cursor.index += 1 }
        }
        guard let comparison else {
            reportMissingWord(after: cursor.last ?? word, expected: .is, example: example)
            return recoverIf(word)
        }
        guard let right = parseExpression(after: cursor.last?.text ?? word.text) else { return recoverIf(word) }
        finishHeader()
        let (then, otherwise) = parseIfBody(opener: word)
        return Statement(
            kind: .ifElse(
                Condition(left: left, comparison: comparison, right: right), then: then, otherwise: otherwise),
            range: word.range)
    }

    private func recoverIf(_ word: Token) -> Statement? {
        cursor.index = cursor.tokens.count
        _ = parseIfBody(opener: word)
        return nil
    }

    /// The lines of an `if`, with an optional `else` part.
    private func parseIfBody(opener: Token) -> ([Statement], [Statement]) {
        let openerLine = currentLineNumber
        let indent = source.indentation(ofLine: openerLine) ?? 0
        lineIndex += 1
        openBlocks.append((openerLine, indent))
        defer { openBlocks.removeLast() }
        var (then, closer) = parseBody(terminators: [.else])
        var otherwise: [Statement] = []
        if case .else = closer {
            lineIndex += 1
            (otherwise, closer) = parseBody(terminators: [])
            while case .else(let extra) = closer {
                report(.elseWithoutIf, at: extra.range)
                lineIndex += 1
                let (more, next) = parseBody(terminators: [])
                otherwise += more
                closer = next
            }
        }
        switch closer {
        case .end(let end):
            closedBlocks.append((openerLine, indent, end.range.line, source.indentation(ofLine: end.range.line) ?? 0))
            lineIndex += 1
        case .else:
            lineIndex += 1
        case .endOfFile:
            reportMissingEnd(opener: opener, openerLine: openerLine, indent: indent)
        }
        return (then, otherwise)
    }

    func parseTempo() -> Statement? {
        guard let word = cursor.next() else { return nil }
        guard let value = parseExpression(after: word.text) else { return nil }
        _ = cursor.accept(.tempo)  // `tempo 120 bpm`
        return Statement(kind: .tempo(value), range: word.range.union(value.range))
    }

    func parseSpeed() -> Statement? {
        guard let word = cursor.next() else { return nil }
        if let named = cursor.accept(oneOf: .slow, .normal, .fast) {
            let percent: Double = named.keyword == .slow ? 50 : named.keyword == .fast ? 150 : 100
            return Statement(kind: .speed(.number(percent, named.range)), range: word.range.union(named.range))
        }
        guard let value = parseExpression(after: word.text) else { return nil }
        return Statement(kind: .speed(value), range: word.range.union(value.range))
    }
}
