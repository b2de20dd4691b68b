/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable {
    /// The program cannot run as written.
    case error
    /// The program runs, but Bop changed something to keep the robot safe (clamp, slow down, round).
    case warning
    /// Information, e.g. where the timeline of a `forever` was cut.
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A suggested edit: replace the text in `range` with `replacement`. Only offered when the fixed program
/// was checked to get past the problem.
public struct FixIt: Sendable, Hashable, Codable {
    /// What to replace (an empty range inserts).
    public var range: SourceRange
    /// The new text.
    public var replacement: String
}

/// Something Bop noticed about a program, in the program's language, written for a child: a banner `title`,
/// what the robot noticed (`message`) and what to try (`suggestion`, may be empty), located at `range`.
public struct BopDiagnostic: Sendable, Hashable, Codable {
    /// What this diagnostic is about, e.g. ``BopDiagnosticID/unknownWord``; written as `"id"` in JSON.
    public var kind: BopDiagnosticID
    /// The stable wire identifier, e.g. `unknown-word` (the raw value of ``kind``).
    public var id: String { kind.rawValue }
    /// Error, warning or note.
    public var severity: Severity
    /// Where the problem is.
    public var range: SourceRange
    /// The banner, e.g. "I DON'T KNOW THAT WORD".
    public var title: String
    /// What the robot noticed.
    public var message: String
    /// What to try; empty when there is nothing to do (most warnings).
    public var suggestion: String
    /// An edit that fixes the problem, when one is known.
    public var fixIt: FixIt?
    /// The line a "Can you try:  …" suggestion shows, re-read before the suggestion is kept (not in JSON).
    var example: String?

    /// The JSON keys: the typed ``kind`` keeps the wire name `id`.
    private enum CodingKeys: String, CodingKey {
        case kind = "id"
        case severity, range, title, message, suggestion, fixIt
    }
}
