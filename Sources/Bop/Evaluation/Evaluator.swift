import ReachyMotion

/// Runs a checked program on a virtual clock and records what the robot would do, as a `Timeline`.
/// Pure and deterministic: the same program and seed give the same timeline, byte for byte.
final class Evaluator {
    /// Why evaluation stopped early.
    enum Flow: Error {
        /// `stop` inside a loop.
        case stopLoop
        /// `stop` outside any loop.
        case stopProgram
        /// The time horizon or a budget (steps, segments, time) was reached, or the work was cancelled.
        case halt
    }

    /// Where the robot is and what time it is, on one branch of a `together`.
    struct State {
        var clock: Rational = .zero
        var pose = InlineArray<9, Double>(repeating: 0)
        var mirror = false
        /// Axes moved on this branch, one bit per axis order.
        var touched: UInt16 = 0

        subscript(axis: Axis) -> Double {
            get { pose[axis.order] }
            set { pose[axis.order] = newValue }
        }

        mutating func touch(_ axis: Axis) { touched |= 1 << UInt16(axis.order) }
        func hasTouched(_ axis: Axis) -> Bool { touched & (1 << UInt16(axis.order)) != 0 }
    }

    let program: BopProgram
    let messages: MessageCatalog
    let horizon: Rational
    let stepBudget: Int
    /// The most timeline segments the program may make.
    let segmentLimit: Int
    /// The wall-clock deadline and the cancellation check, polled every ``Evaluator/pollInterval`` steps.
    let watchdog: Watchdog
    var rng: SplitMix64
    let seed: UInt64

    var segments: [TimelineSegment] = []
    var danceSpans: [DanceSpan] = []
    var emotionSpans: [EmotionSpan] = []
    /// The emotions the program plays, loaded before it runs (``EmotionResolver``), by the name as written.
    var emotions: [String: DatasetMove] = [:]
    var tempoChanges: [TempoChange] = []
    var diagnostics: [BopDiagnostic] = []
    private var warned: Set<String> = []
    var globals: [String: Double] = [:]
    var locals: [[String: Double]] = []
    var tempo = Rational(120)
    var speed = Rational(100)
    var steps = 0
    var truncated = false
    var latest = Rational.zero
    var loopDepth = 0
    /// How deeply blocks and calls are nested while running.
    var depth = 0

    /// How many steps go by between two looks at the clock and the cancellation check (and the first step).
    static let pollInterval = 256

    init(
        program: BopProgram, messages: MessageCatalog, seed: UInt64, horizon: Rational, stepBudget: Int,
        segmentLimit: Int = BopLimits.segmentLimit, watchdog: Watchdog = Watchdog()
    ) {
        self.program = program
        self.messages = messages
        self.seed = seed
        self.rng = SplitMix64(seed: seed)
        self.horizon = horizon
        self.stepBudget = stepBudget
        self.segmentLimit = segmentLimit
        self.watchdog = watchdog
    }

    /// Evaluates the whole program.
    func run() -> Timeline {
        var state = State()
        do {
            try execute(program.statements, &state)
        } catch {
            // `stop` or the horizon: the timeline so far is the result.
        }
        latest = max(latest, state.clock)
        // Sort small keys, not the segments: start time, then source line, then axis, then emission order.
        struct Key {
            var start: Rational
            var line: Int
            var lane: Int
            var index: Int
        }
        let keys = segments.indices.map { i in
            let s = segments[i]
            return Key(start: s.start, line: s.line, lane: s.axis?.order ?? (s.track == .voice ? 100 : 101), index: i)
        }
        let sortedKeys = keys.sorted { a, b in
            if a.start != b.start { return a.start < b.start }
            if a.line != b.line { return a.line < b.line }
            if a.lane != b.lane { return a.lane < b.lane }
            return a.index < b.index
        }
        let ordered = sortedKeys.map { segments[$0.index] }
        var timeline = Timeline(
            segments: ordered, duration: latest, seed: seed, level: program.level, language: program.language,
            truncated: truncated)
        timeline.dances = danceSpans.sorted { $0.start < $1.start }
        timeline.emotions = emotionSpans.sorted { $0.start < $1.start }
        var tempos: [TempoChange] = []
        let byTime = tempoChanges.enumerated().sorted { a, b in
            a.element.start != b.element.start ? a.element.start < b.element.start : a.offset < b.offset
        }
        for (_, change) in byTime {
            if let last = tempos.last, last.start == change.start { tempos.removeLast() }
            if (tempos.last?.bpm ?? TempoChange.defaultBPM) != change.bpm { tempos.append(change) }
        }
        timeline.tempoChanges = tempos
        return timeline
    }

    // MARK: Statements

    func execute(_ statements: [Statement], _ state: inout State) throws(Flow) {
        for statement in statements { try execute(statement, &state) }
    }

    private func step(_ statement: Statement, _ state: State) throws(Flow) {
        steps += 1
        if steps > stepBudget {
            report(.tooMuch, at: statement.range, ["steps": "\(stepBudget)"])
            truncated = true
            throw .halt
        }
        if steps % Self.pollInterval == 1 { try poll(at: statement.range) }
        if horizon < state.clock || horizon == state.clock, state.clock > .zero {
            if !truncated {
                truncated = true
                // `forever` and `stop` are level-6 words: a program below level 6 hears only words it knows.
                diagnostics.append(
                    messages.diagnostic(
                        .horizon, .note, at: statement.range, ["seconds": Format.number(horizon.doubleValue)],
                        try: program.level < Levels.command[.forever, default: 6] ? "try-early" : "try"))
            }
            throw .halt
        }
    }

    /// Stops at once, with an error on `range`, when the time budget is used up or the work was cancelled.
    func poll(at range: SourceRange) throws(Flow) {
        guard let reason = watchdog.check() else { return }
        switch reason {
        case .timeUp:
            report(.tooSlow, at: range, ["seconds": Format.number(watchdog.budgetSeconds)])
        case .cancelled:
            report(.cancelled, at: range)
        }
        truncated = true
        throw .halt
    }

    /// Makes sure `count` more segments fit within the segment limit; otherwise stops with an error on the
    /// statement's line. Called before a move's segments are made, so a huge count is refused before it costs
    /// any memory.
    func reserve(_ count: Int, for statement: Statement) throws(Flow) {
        guard count > segmentLimit - segments.count else { return }
        report(.tooManyMoves, at: statement.range, ["limit": "\(segmentLimit)"])
        truncated = true
        throw .halt
    }

    func execute(_ statement: Statement, _ state: inout State) throws(Flow) {
        try step(statement, state)
        depth += 1
        defer { depth -= 1 }
        if depth > 4 * BopLimits.nestingLimit {
            report(.tooDeep, at: statement.range, ["limit": "\(BopLimits.nestingLimit)"])
            throw .halt
        }
        let line = statement.line
        switch statement.kind {
        case .say(let pieces):
            var text = ""
            for piece in pieces {
                var part: String
                switch piece {
                case .text(let t): part = t
                case .value(let e): part = Format.number(try value(e, line: statement.range))
                }
                if let last = text.last, let first = part.first, !TextFolding.isSpace(last), !TextFolding.isSpace(first)
                {
                    part = " " + part
                }
                text += part
            }
            text = text.trimmingSpaces()
            let duration = Speech.estimate(text)
            try reserve(1, for: statement)
            addSegment(
                TimelineSegment(
                    start: state.clock, duration: duration, track: .voice, line: line, text: text, approximate: true))
            state.clock = state.clock + duration
        case .motion(let motion):
            try perform(motion, statement: statement, &state)
        case .wait(let timing):
            var duration = beats(2)
            if let timing { duration = try time(timing, at: statement.range) }
            if duration < .zero { duration = .zero }
            state.clock = state.clock + duration
        case .dance(let name, let count):
            let times = try count.map { (e: Expression) throws(Flow) -> Int in try whole(e, at: statement.range) } ?? 1
            for _ in 0..<times {
                try step(statement, state)
                try dance(name, statement: statement, &state)
            }
        case .playEmotion(let name, _):
            try emotion(name, statement: statement, &state)
        case .playSound(let name, let timing):
            var duration = Rational(1)
            if let timing { duration = try time(timing, at: statement.range) }
            duration = max(duration, BopLimits.minimumDuration)
            try reserve(1, for: statement)
            addSegment(TimelineSegment(start: state.clock, duration: duration, track: .sound, line: line, text: name))
            state.clock = state.clock + duration
        case .repeatLoop(let count, let counter, let body):
            let times = try whole(count, at: statement.range)
            loopDepth += 1
            defer { loopDepth -= 1 }
            var i = 0
            while i < times {
                i += 1
                if let counter { assign(counter, Double(i)) }
                do {
                    try execute(body, &state)
                } catch .stopLoop {
                    break
                }
                if i < times { try step(statement, state) }
            }
        case .forever(let body):
            loopDepth += 1
            defer { loopDepth -= 1 }
            while true {
                let before = state.clock
                do {
                    try execute(body, &state)
                } catch .stopLoop {
                    break
                }
                try step(statement, state)
                if state.clock == before { try step(statement, state) }
            }
        case .together(let branches):
            try together(branches, &state)
        case .inOrder(let body):
            try execute(body, &state)
        case .pickOne(let options):
            guard !options.isEmpty else { break }
            let index = Int(rng.integer(in: 0, Int64(options.count - 1)))
            try execute(options[index], &state)
        case .mirror(let body):
            state.mirror.toggle()
            defer { state.mirror.toggle() }
            try execute(body, &state)
        case .call(let name, let arguments, let count):
            guard let move = program.moves[name] else { break }
            var frame: [String: Double] = [:]
            for (parameter, argument) in zip(move.parameters, arguments) {
                frame[parameter] = try value(argument, line: statement.range)
            }
            let times = try count.map { (e: Expression) throws(Flow) -> Int in try whole(e, at: statement.range) } ?? 1
            locals.append(frame)
            defer { locals.removeLast() }
            for i in 0..<times {
                // Each round counts as a step, so an empty move repeated many times still stops.
                if i > 0 { try step(statement, state) }
                try execute(move.body, &state)
            }
        case .ifElse(let condition, let then, let otherwise):
            let l = try value(condition.left, line: statement.range)
            let r = try value(condition.right, line: statement.range)
            let holds: Bool
            switch condition.comparison {
            case .equal: holds = abs(l - r) < 1e-9
            case .notEqual: holds = abs(l - r) >= 1e-9
            case .more: holds = l > r
            case .less: holds = l < r
            }
            try execute(holds ? then : otherwise, &state)
        case .set(let name, let expression):
            assign(name, try value(expression, line: statement.range))
        case .change(let name, let expression):
            assign(name, lookup(name) + (try value(expression, line: statement.range)))
        case .tempo(let expression):
            let asked = try value(expression, line: statement.range)
            let used = min(max(asked, BopLimits.tempoRange.lowerBound), BopLimits.tempoRange.upperBound)
            if used != asked {
                warn(
                    .tempoClamped, at: statement.range,
                    ["min": "40", "max": "200", "used": Format.number(used), "asked": Format.number(asked)])
            }
            tempo = Rational(approximating: used)
            tempoChanges.append(TempoChange(start: state.clock, bpm: used))
        case .speed(let expression):
            let asked = try value(expression, line: statement.range)
            let used = min(max(asked, BopLimits.speedRange.lowerBound), BopLimits.speedRange.upperBound)
            if used != asked {
                warn(
                    .speedClamped, at: statement.range,
                    ["min": "25", "max": "200", "used": Format.number(used), "asked": Format.number(asked)])
            }
            speed = Rational(approximating: used)
        case .stop:
            throw loopDepth > 0 ? .stopLoop : .stopProgram
        }
    }

    /// Each line of `together` starts at the same time on its own clock; the block ends with the longest.
    private func together(_ branches: [Statement], _ state: inout State) throws(Flow) {
        let start = state
        var merged = state
        var end = state.clock
        var pending: Flow?
        for branch in branches {
            var local = start
            local.touched = 0
            do {
                try execute(branch, &local)
            } catch {
                if case .halt = error { throw error }
                if pending == nil { pending = error }
            }
            for axis in Axis.allCases where local.hasTouched(axis) {
                merged[axis] = local[axis]
                merged.touch(axis)
            }
            end = max(end, local.clock)
        }
        merged.clock = end
        state = merged
        if let pending { throw pending }
    }

    // MARK: Values

    func lookup(_ name: String) -> Double {
        for frame in locals.reversed() {
            if let v = frame[name] { return v }
        }
        return globals[name] ?? 0
    }

    func assign(_ name: String, _ value: Double) {
        if !locals.isEmpty, locals[locals.count - 1][name] != nil || globals[name] == nil {
            locals[locals.count - 1][name] = value
        } else {
            globals[name] = value
        }
    }

    func value(_ expression: Expression, line range: SourceRange) throws(Flow) -> Double {
        switch expression {
        case .number(let v, _): return v
        case .variable(let name, _, _): return lookup(name)
        case .negate(let inner, _): return -(try value(inner, line: range))
        case .random(let low, let high, _):
            var a = try value(low, line: range)
            var b = try value(high, line: range)
            if a > b { swap(&a, &b) }
            if a == a.rounded() && b == b.rounded() && abs(a) < 1e15 && abs(b) < 1e15 {
                return Double(rng.integer(in: Int64(a), Int64(b)))
            }
            return rng.decimal(in: a, b)
        case .chain(let first, let operations, _):
            // A loop, not recursion: a chain may be thousands of operations long.
            var x = try value(first, line: range)
            for operation in operations {
                let y = try value(operation.operand, line: range)
                switch operation.symbol {
                case "+": x = finite(x + y)
                case "-": x = finite(x - y)
                case "*": x = finite(x * y)
                default:
                    if y == 0 {
                        report(.divideByZero, at: first.range.union(operation.operand.range))
                        throw .halt
                    }
                    x = finite(x / y)
                }
            }
            return x
        }
    }

    private func finite(_ v: Double) -> Double { v.isFinite ? min(max(v, -1e12), 1e12) : 0 }

    /// A count: rounded to a whole number ≥ 0, with a warning when it had to change.
    func whole(_ expression: Expression, at range: SourceRange) throws(Flow) -> Int {
        let asked = try value(expression, line: range)
        let used = max(0, asked.rounded())
        if used != asked {
            warn(.countAdjusted, at: expression.range, ["used": Format.number(used), "asked": Format.number(asked)])
        }
        return Int(min(used, 1_000_000_000))
    }

    /// Seconds for `beats` beats at the current tempo.
    func beats(_ count: Int64) -> Rational { Rational(count) * Rational(60) / tempo }

    func time(_ timing: Timing, at range: SourceRange) throws(Flow) -> Rational {
        let amount = Rational(approximating: try value(timing.value, line: range))
        let seconds: Rational
        switch timing.unit {
        case .seconds: seconds = amount
        case .minutes: seconds = amount * Rational(60)
        case .beats: seconds = amount * Rational(60) / tempo
        }
        // One move or wait lasts at most `longestDuration` (docs/bop/design.md): longer is shortened, with a warning.
        guard BopLimits.longestDuration < seconds else { return seconds }
        warn(
            .tooLong, at: range,
            [
                "seconds": Format.number(BopLimits.longestDuration.doubleValue),
                "asked": Format.number(seconds.doubleValue),
            ])
        return BopLimits.longestDuration
    }

    // MARK: Diagnostics

    func report(
        _ id: BopDiagnosticID, _ severity: Severity = .error, at range: SourceRange, _ args: [String: String] = [:]
    ) {
        diagnostics.append(messages.diagnostic(id, severity, at: range, args))
    }

    /// A warning, once per kind and line (a loop would otherwise repeat it).
    func warn(
        _ id: BopDiagnosticID, at range: SourceRange, _ args: [String: String], message: String = "message",
        try tryKey: String = "try"
    ) {
        guard warned.insert("\(id.rawValue)@\(range.line)").inserted else { return }
        diagnostics.append(messages.diagnostic(id, .warning, at: range, args, message: message, try: tryKey))
    }

    func addSegment(_ segment: TimelineSegment) {
        segments.append(segment)
        latest = max(latest, segment.end)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, TextFolding.isSpace(f) { s.removeFirst() }
        while let l = s.last, TextFolding.isSpace(l) { s.removeLast() }
        return String(s)
    }
}
