/// Checks that need the whole program: two lines of a `together` moving the same body part, a `forever` that
/// never takes time, and a move that uses itself.
struct Checker {
    let program: BopProgram
    let messages: MessageCatalog
    var diagnostics: [BopDiagnostic] = []

    init(program: BopProgram, messages: MessageCatalog) {
        self.program = program
        self.messages = messages
    }

    /// What is already known about each move, so that a move used many times (or by many moves) is looked at
    /// once: without this, a chain of moves each using the one before twice takes 2^n looks.
    private final class Memo {
        var calls: [String: Set<String>] = [:]
        var summaries: [String: Summary] = [:]
    }

    /// What running a move may use, and whether it takes time.
    private struct Summary {
        var resources: Set<Resource> = []
        var takesTime = false
    }

    private let memo = Memo()

    mutating func check() {
        let looping = movesUsingThemselves()
        for name in program.moves.keys.sorted() where looping.contains(name) {
            if let move = program.moves[name] {
                diagnostics.append(messages.diagnostic(.callsItself, at: move.range, ["word": move.name]))
            }
        }
        guard diagnostics.isEmpty else { return }
        walk(program.statements)
        for name in program.moves.keys.sorted() {
            if let move = program.moves[name] { walk(move.body) }
        }
    }

    private func children(_ statement: Statement) -> [[Statement]] {
        switch statement.kind {
        case .repeatLoop(_, _, let body), .forever(let body), .together(let body), .inOrder(let body),
            .pickOne(let body), .mirror(let body):
            return [body]
        case .ifElse(_, let then, let otherwise): return [then, otherwise]
        default: return []
        }
    }

    /// The moves that a move's body uses directly (anywhere inside it), computed once per move.
    private func calls(of name: String) -> Set<String> {
        if let known = memo.calls[name] { return known }
        var found: Set<String> = []
        var pending = program.moves[name].map { [$0.body] } ?? []
        while let statements = pending.popLast() {
            for statement in statements {
                if case .call(let callee, _, _) = statement.kind, program.moves[callee] != nil { found.insert(callee) }
                pending += children(statement)
            }
        }
        memo.calls[name] = found
        return found
    }

    /// The moves that use themselves, directly or through other moves: the moves on a loop of uses. Found in
    /// one pass over all moves (Tarjan's strongly connected components, with a stack of its own rather than
    /// recursion, since a chain of moves can be as long as the program).
    private func movesUsingThemselves() -> Set<String> {
        let names = program.moves.keys.sorted()
        var number: [String: Int] = [:]
        for (i, name) in names.enumerated() { number[name] = i }
        let uses = names.map { calls(of: $0).compactMap { number[$0] }.sorted() }
        var index = Array(repeating: -1, count: names.count)
        var low = Array(repeating: 0, count: names.count)
        var onStack = Array(repeating: false, count: names.count)
        var stack: [Int] = []
        var counter = 0
        var result: Set<String> = []
        for root in names.indices where index[root] < 0 {
            // Each frame: a move and how many of the moves it uses have been looked at.
            var frames: [(move: Int, next: Int)] = []
            func enter(_ move: Int) {
                index[move] = counter
                low[move] = counter
                counter += 1
                stack.append(move)
                onStack[move] = true
                frames.append((move, 0))
            }
            enter(root)
            while let (move, next) = frames.last {
                if next < uses[move].count {
                    frames[frames.count - 1].next += 1
                    let callee = uses[move][next]
                    if index[callee] < 0 {
                        enter(callee)
                    } else if onStack[callee] {
                        low[move] = min(low[move], index[callee])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.move { low[parent] = min(low[parent], low[move]) }
                guard low[move] == index[move] else { continue }
                var component: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(member)
                    if member == move { break }
                }
                if component.count > 1 || uses[move].contains(move) {
                    result.formUnion(component.map { names[$0] })
                }
            }
        }
        return result
    }

    private mutating func walk(_ statements: [Statement]) {
        for statement in statements {
            switch statement.kind {
            case .together(let branches):
                checkTogether(branches)
            case .forever(let body):
                if !takesTime(body) {
                    diagnostics.append(messages.diagnostic(.foreverNeverWaits, at: statement.range))
                }
            default: break
            }
            for body in children(statement) { walk(body) }
        }
    }

    private mutating func checkTogether(_ branches: [Statement]) {
        let used = branches.map { resources([$0]) }
        for j in branches.indices {
            for i in 0..<j {
                guard let shared = used[i].intersection(used[j]).sorted().first else { continue }
                let part = messages.text("part.\(shared.track.rawValue)")
                let range = SourceRange(
                    line: branches[i].range.line, column: branches[i].range.column, endLine: branches[j].range.endLine,
                    endColumn: branches[j].range.endColumn)
                var diagnostic = messages.diagnostic(
                    .twoJobs, at: range,
                    [
                        "part": messages.text("part.\(shared.track.rawValue)-lower"),
                        "line": "\(branches[i].line)", "other": "\(branches[j].line)",
                    ])
                diagnostic.title = messages.text("two-jobs.title", ["part": part])
                diagnostics.append(diagnostic)
                break
            }
        }
    }

    /// The body parts, voice and speaker a statement may use.
    func resources(_ statements: [Statement]) -> Set<Resource> {
        var result: Set<Resource> = []
        for statement in statements {
            switch statement.kind {
            case .say: result.insert(.voice)
            case .playSound: result.insert(.sound)
            case .playEmotion:
                // A recorded move sets every axis (and may have a sound).
                result.formUnion(Axis.allCases.map { .axis($0) })
            case .motion(let motion): result.formUnion(Checker.axes(of: motion.action).map { .axis($0) })
            case .dance(let name, _):
                for component in Dances.all[name]?.components ?? [] { result.insert(.axis(component.axis)) }
            case .call(let name, _, _):
                result.formUnion(summary(of: name).resources)
            case .mirror(let body):
                result.formUnion(resources(body).map(\.mirrored))
            default:
                for body in children(statement) { result.formUnion(resources(body)) }
            }
        }
        return result
    }

    static func axes(of action: MotionAction) -> [Axis] {
        switch action {
        case .look(let d): d == .left || d == .right ? [.headYaw] : [.headPitch]
        case .lookAhead: [.headYaw, .headPitch, .headRoll]
        case .tilt: [.headRoll]
        case .nod: [.headPitch]
        case .shake: [.headYaw]
        case .raiseHead, .lowerHead: [.headZ]
        case .turnBody, .turnBack: [.bodyYaw]
        case .wiggleAntennas(let w), .raiseAntennas(let w), .lowerAntennas(let w):
            w == .left ? [.antennaLeft] : w == .right ? [.antennaRight] : [.antennaRight, .antennaLeft]
        }
    }

    /// Whether running the statements can take time (a move, `wait`, `say`, sound or dance somewhere).
    func takesTime(_ statements: [Statement]) -> Bool {
        for statement in statements {
            switch statement.kind {
            case .say, .motion, .wait, .dance, .playSound, .playEmotion: return true
            case .call(let name, _, _):
                if summary(of: name).takesTime { return true }
            default:
                for body in children(statement) where takesTime(body) { return true }
            }
        }
        return false
    }

    /// What a move may use and whether it takes time, worked out once per move. The moves it uses are worked
    /// out first, with a loop rather than recursion (a chain of moves can be as long as the program). A move
    /// met again while it is being worked out (only possible when a move uses itself, which `check` reports
    /// first) counts as using nothing.
    private func summary(of name: String) -> Summary {
        if let known = memo.summaries[name] { return known }
        var pending: [(name: String, ready: Bool)] = [(name, false)]
        var started: Set<String> = []
        while let (current, ready) = pending.popLast() {
            guard let move = program.moves[current] else {
                memo.summaries[current] = Summary()
                continue
            }
            if ready {
                memo.summaries[current] = Summary(resources: resources(move.body), takesTime: takesTime(move.body))
                continue
            }
            guard memo.summaries[current] == nil, started.insert(current).inserted else { continue }
            memo.summaries[current] = Summary()  // until it is known: what a move using itself gets
            pending.append((current, true))
            for callee in calls(of: current) where !started.contains(callee) && memo.summaries[callee] == nil {
                pending.append((callee, false))
            }
        }
        return memo.summaries[name] ?? Summary()
    }
}
