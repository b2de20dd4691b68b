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

    mutating func check() {
        for name in program.moves.keys.sorted() {
            if let move = program.moves[name], uses(name, in: move.body, visiting: []) {
                diagnostics.append(messages.diagnostic("calls-itself", at: move.range, ["word": move.name]))
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

    private func uses(_ name: String, in statements: [Statement], visiting: Set<String>) -> Bool {
        guard visiting.count < BopLimits.nestingLimit else { return false }
        for statement in statements {
            if case .call(let callee, _, _) = statement.kind {
                if callee == name { return true }
                if !visiting.contains(callee), let move = program.moves[callee],
                    uses(name, in: move.body, visiting: visiting.union([callee]))
                {
                    return true
                }
            }
            for body in children(statement) where uses(name, in: body, visiting: visiting) { return true }
        }
        return false
    }

    private mutating func walk(_ statements: [Statement]) {
        for statement in statements {
            switch statement.kind {
            case .together(let branches):
                checkTogether(branches)
            case .forever(let body):
                if !takesTime(body, visiting: []) {
                    diagnostics.append(messages.diagnostic("forever-never-waits", at: statement.range))
                }
            default: break
            }
            for body in children(statement) { walk(body) }
        }
    }

    private mutating func checkTogether(_ branches: [Statement]) {
        let used = branches.map { resources([$0], visiting: []) }
        for j in branches.indices {
            for i in 0..<j {
                guard let shared = used[i].intersection(used[j]).sorted().first else { continue }
                let part = messages.text("part.\(shared.track.rawValue)")
                let range = SourceRange(
                    line: branches[i].range.line, column: branches[i].range.column, endLine: branches[j].range.endLine,
                    endColumn: branches[j].range.endColumn)
                var diagnostic = messages.diagnostic(
                    "two-jobs", at: range,
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
    func resources(_ statements: [Statement], visiting: Set<String>) -> Set<Resource> {
        var result: Set<Resource> = []
        guard visiting.count < BopLimits.nestingLimit else { return result }
        for statement in statements {
            switch statement.kind {
            case .say: result.insert(.voice)
            case .playSound: result.insert(.sound)
            case .motion(let motion): result.formUnion(Checker.axes(of: motion.action).map { .axis($0) })
            case .dance(let name, _):
                for component in Dances.all[name]?.components ?? [] { result.insert(.axis(component.axis)) }
            case .call(let name, _, _):
                if !visiting.contains(name), let move = program.moves[name] {
                    result.formUnion(resources(move.body, visiting: visiting.union([name])))
                }
            case .mirror(let body):
                result.formUnion(resources(body, visiting: visiting).map(\.mirrored))
            default:
                for body in children(statement) { result.formUnion(resources(body, visiting: visiting)) }
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
    func takesTime(_ statements: [Statement], visiting: Set<String>) -> Bool {
        guard visiting.count < BopLimits.nestingLimit else { return true }
        for statement in statements {
            switch statement.kind {
            case .say, .motion, .wait, .dance, .playSound: return true
            case .call(let name, _, _):
                if !visiting.contains(name), let move = program.moves[name],
                    takesTime(move.body, visiting: visiting.union([name]))
                {
                    return true
                }
            default:
                for body in children(statement) where takesTime(body, visiting: visiting) { return true }
            }
        }
        return false
    }
}
