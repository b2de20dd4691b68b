/// Options for turning a program into a timeline, and the budgets that keep any program, however hostile,
/// from taking too long or too much memory to plan.
public struct BopOptions: Sendable {
    /// Seed for `random` and `pick`.
    public var seed: UInt64
    /// The timeline stops being planned after this many seconds (a `forever` runs up to here).
    public var horizonSeconds: Int64
    /// The most statements a program may run.
    public var stepBudget: Int
    /// The most segments the timeline may have; a program that would make more stops with an error.
    public var segmentLimit: Int
    /// The most CPU time planning may take on the compiling thread (`nil`: no limit); checked while the program runs,
    /// so a program that takes longer stops with an error. A budget of zero stops every program at its first step.
    public var timeBudget: Duration?
    /// Asked while the program runs (with the time budget); answering true stops planning with an error. For a
    /// server whose client went away.
    public var isCancelled: (@Sendable () -> Bool)?
    /// Where `play emotion NAME` finds its emotions (read while compiling, only by programs that play one).
    public var emotions: BopEmotions

    /// Seed 1, a 10-minute horizon, 200,000 steps, 100,000 segments, 2 seconds, no cancellation, the official
    /// emotions library from the Hugging Face cache.
    public init(
        seed: UInt64 = 1, horizonSeconds: Int64 = 600, stepBudget: Int = BopLimits.stepBudget,
        segmentLimit: Int = BopLimits.segmentLimit, timeBudget: Duration? = BopLimits.timeBudget,
        isCancelled: (@Sendable () -> Bool)? = nil, emotions: BopEmotions = .standard()
    ) {
        self.emotions = emotions
        self.seed = seed
        self.horizonSeconds = horizonSeconds
        self.stepBudget = stepBudget
        self.segmentLimit = segmentLimit
        self.timeBudget = timeBudget
        self.isCancelled = isCancelled
    }
}

/// Everything Bop found out about a program: the diagnostics (errors, warnings, notes, in source order)
/// and, when there are no errors, the parsed program and its timeline.
public struct BopResult: Sendable {
    /// The program text, split into lines.
    public var source: SourceText
    /// The language the program is written in; diagnostics use it.
    public var language: BopLanguage
    /// The parsed program (also present when there are errors, with the broken lines left out).
    public var program: BopProgram
    /// All diagnostics, sorted by position.
    public var diagnostics: [BopDiagnostic]
    /// The timeline; `nil` when there are errors.
    public var timeline: Timeline?

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The Bop pipeline: lex → parse → check → load the emotions played → evaluate into a timeline (with the safety
/// pass inside).
public enum BopCompiler {
    /// Compiles `text`. Never crashes, whatever the input.
    /// Planning stops with a located error when a budget of `options` (steps, segments, time) is used up or
    /// `options.isCancelled` answers true.
    public static func compile(_ text: String, options: BopOptions = BopOptions()) -> BopResult {
        let watchdog = Watchdog(budget: options.timeBudget, isCancelled: options.isCancelled)
        var front = parse(text, watchdog: watchdog)
        if front.diagnostics.contains(where: { $0.severity == .error }) {
            front.diagnostics = verifyFixIts(
                front.diagnostics, in: front.source, language: front.language, watchdog: watchdog)
            return result(front, timeline: nil)
        }
        let messages = MessageCatalog(front.language)
        var checker = Checker(program: front.program, messages: messages)
        checker.check()
        front.diagnostics += checker.diagnostics
        guard !checker.diagnostics.contains(where: { $0.severity == .error }) else {
            return result(front, timeline: nil)
        }
        var emotions = EmotionResolver(program: front.program, messages: messages, emotions: options.emotions)
        emotions.resolve()
        front.diagnostics += emotions.diagnostics
        guard emotions.diagnostics.isEmpty else { return result(front, timeline: nil) }
        let evaluator = Evaluator(
            program: front.program, messages: messages, seed: options.seed,
            horizon: Rational(max(1, options.horizonSeconds)), stepBudget: options.stepBudget,
            segmentLimit: options.segmentLimit, watchdog: watchdog)
        evaluator.emotions = emotions.loaded
        let timeline = evaluator.run()
        front.diagnostics += evaluator.diagnostics
        let failed = evaluator.diagnostics.contains { $0.severity == .error }
        if front.program.statements.isEmpty, front.program.moves.isEmpty, front.diagnostics.isEmpty {
            // Empty, or only comments: not "ready to dance", but how to start.
            front.diagnostics.append(
                messages.diagnostic(
                    .nothingToDo, .note, at: SourceRange(line: 1, column: 1, endColumn: 1),
                    ["fix": messages.keyword(.nod)]))
        }
        return result(front, timeline: failed ? nil : timeline)
    }

    private static func result(_ front: FrontEnd, timeline: Timeline?) -> BopResult {
        let sorted = front.diagnostics.enumerated().sorted { a, b in
            let x = a.element.range
            let y = b.element.range
            if x.line != y.line { return x.line < y.line }
            if x.column != y.column { return x.column < y.column }
            return a.offset < b.offset
        }.map(\.element)
        return BopResult(
            source: front.source, language: front.language, program: front.program, diagnostics: sorted,
            timeline: timeline)
    }

    /// What the front end produces.
    struct FrontEnd {
        var source: SourceText
        var language: BopLanguage
        var program: BopProgram
        var diagnostics: [BopDiagnostic]
    }

    /// Lexes (twice when Chinese names need splitting), detects the language and level, and parses. Parsing stops
    /// with an error when `watchdog` says the time is up or the work is cancelled.
    /// The program the front end alone makes of `text` (for the benchmarks, which time it apart).
    package static func parsedProgram(_ text: String) -> BopProgram { parse(text).program }

    static func parse(_ text: String, watchdog: Watchdog = Watchdog()) -> FrontEnd {
        let source = SourceText(text)
        var table = KeywordTable.shared
        var lines = Lexer(source: source, table: table).lex()
        var prescan = Prescan(lines: lines, source: source)
        if prescan.rawNames.contains(where: { $0.contains(where: TextFolding.isCJK) }) {
            table.addNames(prescan.rawNames)
            lines = Lexer(source: source, table: table).lex()
            prescan = Prescan(lines: lines, source: source)
        }
        let language = detectLanguage(lines, source: source)
        let messages = MessageCatalog(language)
        var diagnostics: [BopDiagnostic] = []
        var level = Levels.highest
        if let keyword = prescan.levelToken {
            let value = prescan.levelValue
            if let value, value.kind == .number, value.number == value.number.rounded(), (1...6).contains(value.number)
            {
                level = Int(value.number)
                let line = lines.first(where: { $0.number == keyword.range.line })?.tokens ?? []
                // `第 2 级`: the level word may come again after the number.
                if line.count > 2, !(line.count == 3 && line[2].keyword == .level) {
                    diagnostics.append(messages.diagnostic(.extraWords, at: line[2].range, ["word": line[2].text]))
                }
            } else {
                let found =
                    value.map { messages.text("found.word", ["word": $0.text]) } ?? messages.text("found.end")
                diagnostics.append(
                    messages.diagnostic(.badLevel, at: value?.range ?? keyword.range, ["found": found]))
            }
        }
        let parser = Parser(
            source: source, lines: lines, level: level, messages: messages, prescan: prescan, watchdog: watchdog)
        let statements = parser.parseProgram()
        diagnostics += parser.diagnostics
        let program = BopProgram(level: level, language: language.code, statements: statements, moves: parser.moves)
        return FrontEnd(source: source, language: language, program: program, diagnostics: diagnostics)
    }

    /// The language with the most keywords in the program; English when there are none.
    static func detectLanguage(_ lines: [LexedLine], source: SourceText? = nil) -> BopLanguage {
        var counts: [String: Int] = [:]
        for line in lines {
            for token in line.tokens {
                // English never wins here, so English keywords are not counted (no hashing per token).
                if let code = token.language, code != "en", token.keyword != nil { counts[code, default: 0] += 1 }
            }
        }
        let nonEnglish = counts.filter { $0.key != "en" }.sorted {
            $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
        }
        if let best = nonEnglish.first, let language = BopLanguages.all[best.key] { return language }
        // No Bop word at all yet (an empty program, only comments): a program whose comments are in Chinese hears
        // its first message in Chinese.
        if let source, !lines.contains(where: { $0.tokens.contains { $0.keyword != nil } }),
            source.lines.contains(where: { $0.contains(where: TextFolding.isCJK) }),
            let language = BopLanguages.all.values.filter(\.speech.countCharacters).min(by: { $0.code < $1.code })
        {
            return language
        }
        return BopLanguages.english
    }

    /// Keeps a "did you mean" fix only if the program, with the fix applied, no longer has an error on that
    /// line (Hedy's re-parse check). At most 10 fixes are checked; later ones are dropped, and so are the ones
    /// left when `watchdog` says the time is up or the work is cancelled (each check parses the whole program).
    static func verifyFixIts(
        _ diagnostics: [BopDiagnostic], in source: SourceText, language: BopLanguage = BopLanguages.english,
        watchdog: Watchdog = Watchdog()
    ) -> [BopDiagnostic] {
        var checked = 0
        return diagnostics.map { diagnostic in
            var d = diagnostic
            // "Can you try:  …" shows a whole line: it must read without errors in place of the child's line.
            if let example = d.example, d.severity == .error, checked < 10, watchdog.check() == nil {
                checked += 1
                if !exampleReads(example, onLine: d.range.line, of: source, watchdog: watchdog) {
                    d.fixIt = nil
                    d.suggestion = MessageCatalog(language).text("fallback.try")
                    return d
                }
            }
            guard let fix = d.fixIt else { return d }
            checked += 1
            guard checked <= 10, watchdog.check() == nil else {
                d.fixIt = nil
                return d
            }
            let fixed = parse(source.applying(fix), watchdog: watchdog)
            let line = fix.range.line
            // The replaced text on the fixed line, whose own problems mean the fix is garbled.
            let newEnd = fix.range.column + max(1, fix.replacement.count)
            let garbled = fixed.diagnostics.contains {
                $0.severity == .error && $0.range.line == line
                    && ($0.kind == d.kind
                        || (fix.range.endLine == line && $0.range.column >= fix.range.column
                            && $0.range.column < newEnd && !fix.replacement.contains("\n")))
            }
            if garbled || changesMeaning(fix, of: d, in: source) {
                d.fixIt = nil
                // A suggestion that shows the dropped fix would mislead: say something true instead.
                let shown = trimmed(fix.replacement)
                if !shown.isEmpty, d.suggestion.contains(shown) {
                    d.suggestion = MessageCatalog(language).text("fallback.try")
                }
            }
            return d
        }
    }

    /// Whether `example` (a suggested line) reads without errors in place of line `number` of the program.
    static func exampleReads(_ example: String, onLine number: Int, of source: SourceText, watchdog: Watchdog) -> Bool {
        guard number >= 1, number <= source.lines.count, !example.contains("\n") else { return true }
        var lines = source.lines.map { String($0) }
        let indent = lines[number - 1].prefix(while: { TextFolding.isSpace($0) })
        lines[number - 1] = indent + example
        let fixed = parse(lines.joined(separator: "\n"), watchdog: watchdog)
        return !fixed.diagnostics.contains { $0.severity == .error && $0.range.line == number }
    }

    /// `text` without spaces and line breaks at either end.
    static func trimmed(_ text: String) -> String {
        let isBlank: (Character) -> Bool = { TextFolding.isSpace($0) || $0.isNewline }
        return String(text.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }

    /// A "did you mean" that swaps one known word for another (`to` → `by`, `cm` → `mm`) changes what the
    /// program means instead of fixing a slip.
    static func changesMeaning(_ fix: FixIt, of diagnostic: BopDiagnostic, in source: SourceText) -> Bool {
        guard [.unknownWord, .unknownName, .unknownMove].contains(diagnostic.kind), fix.range.endLine == fix.range.line,
            fix.range.line >= 1, fix.range.line <= source.lines.count
        else { return false }
        let chars = source.lines[fix.range.line - 1]
        let start = max(0, min(chars.count, fix.range.column - 1))
        let end = max(start, min(chars.count, fix.range.endColumn - 1))
        let table = KeywordTable.shared
        func keywords(_ text: String) -> [BopKeyword]? {
            let folded = TextFolding.fold(trimmed(text))
            let entry = table.words[folded] ?? table.cjk[folded]
            return entry.flatMap { $0.keywords.isEmpty ? nil : $0.keywords }
        }
        guard let before = keywords(String(chars[start..<end])), let after = keywords(fix.replacement) else {
            return false
        }
        return before != after
    }
}

extension SourceText {
    /// The program with one fix applied (lines joined with `\n`).
    public func applying(_ fix: FixIt) -> String {
        var lines = self.lines
        let r = fix.range
        guard r.line >= 1, r.line <= lines.count, r.endLine >= r.line, r.endLine <= lines.count else { return text }
        let first = lines[r.line - 1]
        let last = lines[r.endLine - 1]
        let start = max(0, min(first.count, r.column - 1))
        let end = max(0, min(last.count, r.endColumn - 1))
        let merged = Array(first[..<start]) + Array(fix.replacement) + Array(last[end...])
        lines.replaceSubrange((r.line - 1)...(r.endLine - 1), with: [merged])
        return lines.map { String($0) }.joined(separator: "\n")
    }
}
