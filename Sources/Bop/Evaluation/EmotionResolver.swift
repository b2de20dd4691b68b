import ReachyMotion

/// Loads every emotion a program plays (`play emotion NAME`, anywhere: in loops, branches and moves) before it
/// runs, so the timeline knows each one's exact length: one look at the library per program, one load per name.
/// A name the library does not have, no library at all, or a broken file is an error at the name, in the
/// program's language, saying what to do.
struct EmotionResolver {
    let program: BopProgram
    let messages: MessageCatalog
    let emotions: BopEmotions
    var diagnostics: [BopDiagnostic] = []
    /// The loaded emotions, by the name as written.
    var loaded: [String: DatasetMove] = [:]

    /// How many names an error lists.
    static let listed = 8

    init(program: BopProgram, messages: MessageCatalog, emotions: BopEmotions) {
        self.program = program
        self.messages = messages
        self.emotions = emotions
    }

    mutating func resolve() {
        let uses = Self.uses(program)
        guard !uses.isEmpty else { return }
        let index: MoveDataset
        do {
            index = try emotions.library.dataset(emotions.dataset)
        } catch {
            for (name, range) in uses {
                diagnostics.append(
                    messages.diagnostic(
                        .noEmotions, at: range,
                        ["word": name, "command": MoveDatasetError.downloadCommand(emotions.dataset.description)]))
            }
            return
        }
        var failed: Set<String> = []
        for (written, range) in uses where loaded[written] == nil && !failed.contains(written) {
            guard let name = emotions.resolve(written, in: index) else {
                failed.insert(written)
                let names = index.names
                let guess = Suggestions.best(for: written, among: names)
                let shown = names.prefix(Self.listed).joined(separator: ", ") + (names.count > Self.listed ? ", …" : "")
                diagnostics.append(
                    messages.diagnostic(
                        .unknownEmotion, at: range, ["word": written, "suggestion": guess ?? "", "choices": shown],
                        try: guess == nil ? "try" : "try-guess"))
                continue
            }
            do {
                loaded[written] = try index.move(name)
            } catch {
                failed.insert(written)
                diagnostics.append(
                    messages.diagnostic(.brokenEmotion, at: range, ["word": written, "detail": error.description]))
            }
        }
    }

    /// Every `play emotion` of the program (top level and moves), in source order: the name and where it is.
    static func uses(_ program: BopProgram) -> [(String, SourceRange)] {
        var found: [(String, SourceRange)] = []
        var pending: [[Statement]] = [program.statements]
        for name in program.moves.keys.sorted() { pending.append(program.moves[name]?.body ?? []) }
        while let statements = pending.popLast() {
            for statement in statements {
                switch statement.kind {
                case .playEmotion(let name, let range): found.append((name, range))
                case .repeatLoop(_, _, let body), .forever(let body), .together(let body), .inOrder(let body),
                    .pickOne(let body), .mirror(let body):
                    pending.append(body)
                case .ifElse(_, let then, let otherwise): pending += [then, otherwise]
                default: break
                }
            }
        }
        return found.sorted { ($0.1.line, $0.1.column) < ($1.1.line, $1.1.column) }
    }
}
