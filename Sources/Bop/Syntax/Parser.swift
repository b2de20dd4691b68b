import Foundation

/// Turns tokens into statements. Resilient: a problem on one line is reported and parsing continues on the
/// next line, keeping `end`s matched, so every problem in the program is found in one go.
final class Parser {
    let source: SourceText
    let lines: [LexedLine]
    let level: Int
    let messages: MessageCatalog
    /// Moves taught with `define`, by folded name: display name, line, parameter count.
    let moveNames: [String: (name: String, line: Int, parameters: Int)]
    /// Every name given a value somewhere (`set`, `repeat … with`, parameters), folded.
    let variableNames: Set<String>
    /// The line of the `level` declaration, if any.
    let levelLine: Int?

    var diagnostics: [BopDiagnostic] = []
    var moves: [String: MoveDefinition] = [:]
    var lineIndex = 0
    var cursor = Cursor(tokens: [])
    /// Open blocks, innermost last, to guess where a missing `end` goes.
    var openBlocks: [(line: Int, indent: Int)] = []
    /// Blocks already closed: their opening line and indentation, and the indentation of their `end`.
    var closedBlocks: [(line: Int, indent: Int, endLine: Int, endIndent: Int)] = []
    /// How deeply statements and expressions are nested right now.
    var nesting = 0
    /// Set once nesting went too deep, or the time budget ran out: the rest of the program is skipped.
    var tooDeep = false
    /// The time budget and cancellation check, looked at every ``Parser/pollInterval`` lines.
    let watchdog: Watchdog
    /// Lines read so far.
    var linesRead = 0
    /// How many lines go by between two looks at the watchdog (and the first line).
    static let pollInterval = 64

    init(
        source: SourceText, lines: [LexedLine], level: Int, messages: MessageCatalog, prescan: Prescan,
        watchdog: Watchdog = Watchdog()
    ) {
        self.source = source
        self.lines = lines
        self.level = level
        self.messages = messages
        self.moveNames = prescan.moves
        self.variableNames = prescan.variables
        self.levelLine = prescan.levelLine
        self.watchdog = watchdog
    }

    /// Tokens of the current line, with a read position.
    struct Cursor {
        var tokens: [Token]
        var index = 0
        var atEnd: Bool { index >= tokens.count }
        func peek(_ offset: Int = 0) -> Token? {
            index + offset < tokens.count ? tokens[index + offset] : nil
        }
        func peekKeyword(_ keyword: BopKeyword, _ offset: Int = 0) -> Bool { peek(offset)?.keyword == keyword }
        mutating func next() -> Token? {
            defer { index += 1 }
            return peek()
        }
        /// The next token if it is `keyword` (then reads past it). No array per call, unlike the variadic form.
        mutating func accept(_ keyword: BopKeyword) -> Token? {
            guard index < tokens.count, tokens[index].keyword == keyword else { return nil }
            index += 1
            return tokens[index - 1]
        }
        /// The next token if it is one of two keywords (then reads past it).
        mutating func accept(_ first: BopKeyword, _ second: BopKeyword) -> Token? {
            guard index < tokens.count, let k = tokens[index].keyword, k == first || k == second else { return nil }
            index += 1
            return tokens[index - 1]
        }
        mutating func accept(oneOf keywords: BopKeyword...) -> Token? {
            guard let t = peek(), let k = t.keyword, keywords.contains(k) else { return nil }
            index += 1
            return t
        }
        var last: Token? { index > 0 && index - 1 < tokens.count ? tokens[index - 1] : tokens.last }
    }

    // MARK: Program and blocks

    func parseProgram() -> [Statement] {
        var statements: [Statement] = []
        while lineIndex < lines.count && !tooDeep {
            let (body, closer) = parseBody(terminators: [])
            statements += body
            if case .end(let token) = closer {
                report(.extraEnd, at: token.range)
                lineIndex += 1
            } else if case .else(let token) = closer {
                report(.elseWithoutIf, at: token.range)
                lineIndex += 1
                let (_, after) = parseBody(terminators: [])
                if case .end = after { lineIndex += 1 }
            }
        }
        return statements
    }

    /// Words that may name the block after `end` (`end repeat`).
    static let blockWords: Set<BopKeyword> = [
        .if, .repeat, .forever, .together, .define, .move, .pick, .one, .mirror, .in, .order,
    ]

    /// How a body ended.
    enum Closer {
        case end(Token)
        case `else`(Token)
        case endOfFile
    }

    /// Statements until `end` (or `else` when allowed) at the start of a line. Leaves `lineIndex` on the closer.
    func parseBody(terminators: Set<BopKeyword>) -> ([Statement], Closer) {
        var statements: [Statement] = []
        while lineIndex < lines.count && !tooDeep {
            let line = lines[lineIndex]
            guard let first = line.tokens.first else {
                lineIndex += 1
                continue
            }
            if first.keyword == .end || first.keyword == .else {
                // `end repeat`, `end if`, `结束 重复`: naming the block after `end` is fine.
                let blockWords: Set<BopKeyword> = first.keyword == .end ? Parser.blockWords : []
                if let extra = line.tokens.dropFirst().first(where: {
                    $0.keyword.map { !blockWords.contains($0) } ?? true
                }) {
                    if extra.isSymbol(":"), extra.range == line.tokens.last?.range {
                        // `else:` — a habit from Python.
                        report(
                            .anotherWay, at: extra.range, ["fix": lineWith(extra.range, replacedBy: "")],
                            fixIt: FixIt(range: extra.range, replacement: ""))
                    } else {
                        report(.extraWords, at: extra.range, ["word": extra.text])
                    }
                }
                return (statements, first.keyword == .end ? .end(first) : .else(first))
            }
            linesRead += 1
            if linesRead % Self.pollInterval == 1, let reason = watchdog.check() {
                stop(reason, at: first.range)
                break
            }
            cursor = Cursor(tokens: line.tokens)
            if let statement = parseLine() { statements.append(statement) }
        }
        return (statements, .endOfFile)
    }

    /// The number of the line being read (the last line once everything has been read).
    var currentLineNumber: Int {
        lineIndex < lines.count ? lines[lineIndex].number : (lines.last?.number ?? 1)
    }

    /// Enters one more level of nesting; reports (once) and returns false when that is too deep.
    func enterNesting(at range: SourceRange) -> Bool {
        nesting += 1
        if nesting <= BopLimits.nestingLimit { return true }
        if !tooDeep {
            report(.tooDeep, at: range, ["limit": "\(BopLimits.nestingLimit)"])
            tooDeep = true
        }
        cursor.index = cursor.tokens.count
        lineIndex = lines.count
        return false
    }

    /// Stops reading (the rest of the program is skipped) with an error on `range`: out of time, or cancelled.
    func stop(_ reason: Watchdog.Reason, at range: SourceRange) {
        switch reason {
        case .timeUp: report(.tooSlow, at: range, ["seconds": Format.number(watchdog.budgetSeconds)])
        case .cancelled: report(.cancelled, at: range)
        }
        tooDeep = true
        lineIndex = lines.count
    }

    /// Parses the statement on the current line (and the body of a block), then moves past it.
    private func parseLine() -> Statement? {
        let lineNumber = currentLineNumber
        let start = lineIndex
        let statement = parseStatement()
        // Block statements consume their own lines; simple ones end here.
        if !tooDeep && lineIndex < lines.count && lineIndex == start {
            if !cursor.atEnd && !hasError(onLine: lineNumber) { reportExtra(expected: Parser.optionWords) }
            lineIndex += 1
        }
        return statement
    }

    /// Reads a block body after its header line; reports a missing `end` with a guess at where it goes.
    func parseBlockBody(opener: Token) -> [Statement] {
        let openerLine = currentLineNumber
        let indent = source.indentation(ofLine: openerLine) ?? 0
        lineIndex += 1
        openBlocks.append((openerLine, indent))
        defer { openBlocks.removeLast() }
        let (body, closer) = parseBody(terminators: [])
        switch closer {
        case .end(let end):
            closedBlocks.append((openerLine, indent, end.range.line, source.indentation(ofLine: end.range.line) ?? 0))
            lineIndex += 1
            if body.isEmpty && !hasError(onLine: openerLine)
                && lines.allSatisfy({ $0.number <= openerLine || $0.number >= end.range.line || $0.tokens.isEmpty })
            {
                report(.emptyBlock, .warning, at: opener.range, ["word": opener.text])
            }
        case .else(let token):
            report(.elseWithoutIf, at: token.range)
            lineIndex += 1
            _ = parseBody(terminators: [])
            if lineIndex < lines.count { lineIndex += 1 }
        case .endOfFile:
            // When reading stopped early (too deep, out of time), the `end`s were never read: not missing.
            if !tooDeep { reportMissingEnd(opener: opener, openerLine: openerLine, indent: indent) }
        }
        return body
    }

    /// Blames the block whose `end` seems to have been taken by an inner block (by indentation), else this one.
    func reportMissingEnd(opener: Token, openerLine: Int, indent: Int) {
        var blamedLine = openerLine
        var blamedIndent = indent
        if let inner = closedBlocks.last(where: {
            $0.line > openerLine && $0.endIndent == indent && $0.indent > indent
        }) {
            blamedLine = inner.line
            blamedIndent = inner.indent
        }
        // The guess: after the last line, following the opener, indented more than the opener.
        var guess = blamedLine
        var number = blamedLine + 1
        while number <= source.lines.count {
            if let i = source.indentation(ofLine: number) {
                if i <= blamedIndent { break }
                guess = number
            }
            number += 1
        }
        let blamedToken = lines.first(where: { $0.number == blamedLine })?.tokens.first ?? opener
        let insertion = SourceRange(
            line: guess, column: source.lineLength(guess) + 1, endColumn: source.lineLength(guess) + 1)
        let fix = FixIt(
            range: insertion, replacement: "\n" + String(repeating: " ", count: blamedIndent) + messages.keyword(.end))
        if diagnostics.contains(where: { $0.kind == .missingEnd && $0.range.line == blamedLine }) { return }
        report(
            .missingEnd, at: blamedToken.range, ["word": blamedToken.text, "line": "\(guess)"], fixIt: fix)
    }

    // MARK: Reporting

    func hasError(onLine line: Int) -> Bool {
        diagnostics.contains { $0.severity == .error && $0.range.line == line }
    }

    /// Reports words left after a block's opening line, before its body is read.
    func finishHeader(expected: [BopKeyword] = []) {
        let line = currentLineNumber
        if !cursor.atEnd && !hasError(onLine: line) { reportExtra(expected: expected) }
    }

    func report(
        _ id: BopDiagnosticID, _ severity: Severity = .error, at range: SourceRange, _ args: [String: String] = [:],
        message: String = "message", try tryKey: String = "try", fixIt: FixIt? = nil
    ) {
        diagnostics.append(
            messages.diagnostic(id, severity, at: range, args, message: message, try: tryKey, fixIt: fixIt))
    }

    /// Reports the first token left on the line, suggesting a close word if it looks like a typo.
    func reportExtra(expected: [BopKeyword] = []) {
        guard let token = cursor.peek() else { return }
        if token.kind == .symbol {
            reportMark(token)
            return
        }
        if case .string(closed: false, _) = token.kind {
            reportUnclosed(token)
            return
        }
        if token.isName, !expected.isEmpty, let guess = guessKeyword(token.text, among: expected) {
            report(
                .unknownWord, at: token.range, ["word": token.text, "suggestion": guess], message: "message-inline",
                try: "try-guess", fixIt: FixIt(range: token.range, replacement: guess))
            return
        }
        report(.extraWords, at: token.range, ["word": token.text])
    }

    func reportMark(_ token: Token) {
        report(
            .strangeMark, at: token.range, ["mark": messages.markName(token.folded)],
            fixIt: FixIt(range: token.range, replacement: ""))
    }

    func reportUnclosed(_ token: Token) {
        let quote: Character
        if case .string(_, let q) = token.kind { quote = q } else { quote = "\"" }
        let closer: String =
            switch quote {
            case "「": "」"
            case "『": "』"
            case "«": "»"
            case "《": "》"
            case "'", "‘", "’", "＇": "'"
            default: "\""
            }
        let lastWord = token.text.split(whereSeparator: { TextFolding.isSpace($0) }).last.map(String.init) ?? token.text
        let end = SourceRange(line: token.range.line, column: token.range.endColumn, endColumn: token.range.endColumn)
        report(
            .missingQuote,
            at: SourceRange(line: token.range.line, column: token.range.column, endColumn: token.range.column + 1),
            ["mark": closer, "word": lastWord], fixIt: FixIt(range: end, replacement: closer))
    }

    /// The spelling (in the program's language when it has one) of the keyword closest to `word`.
    func guessKeyword(_ word: String, among keywords: [BopKeyword]) -> String? {
        var spellings: [String: BopKeyword] = [:]
        var ordered: [(spelling: String, group: String)] = []
        for keyword in keywords {
            for language in [messages.language, BopLanguages.english] {
                for spelling in language.keywords[keyword.rawValue] ?? [] where spellings[spelling] == nil {
                    spellings[spelling] = keyword
                    ordered.append((spelling, keyword.rawValue))
                }
            }
        }
        guard let best = Suggestions.best(for: word, among: ordered) else { return nil }
        // Show the spelling in the language the child typed in.
        if let first = best.first, TextFolding.isCJK(first) { return best }
        if let first = word.first, TextFolding.isCJK(first), let keyword = spellings[best] {
            return messages.keyword(keyword)
        }
        return best
    }

    /// The current line's source text with `range` replaced, for "Can you try: …" examples.
    func lineWith(_ range: SourceRange, replacedBy text: String) -> String {
        let chars = source.lines[range.line - 1]
        let start = max(0, min(chars.count, range.column - 1))
        let end = max(start, min(chars.count, range.endColumn - 1))
        let fixed = String(chars[..<start]) + text + String(chars[end...])
        return fixed.trimmingCharacters(in: .whitespaces)
    }
}
