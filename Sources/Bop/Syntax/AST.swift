public import ReachyMotion

/// A parsed Bop program: its level, language, statements and the moves it teaches.
public struct BopProgram: Sendable {
    /// The level the program runs at (declared with `level N`, else 6).
    public var level: Int
    /// The language the program is written in (`en`, `zh`, …), detected from its keywords.
    public var language: String
    /// The top-level statements in order (definitions excluded).
    public var statements: [Statement]
    /// The moves taught with `define`, by folded name.
    public var moves: [String: MoveDefinition]
}

/// A move taught with `define move NAME [with a and b] … end`.
public struct MoveDefinition: Sendable {
    /// The name as written.
    public var name: String
    /// Parameter names, folded.
    public var parameters: [String]
    /// The moves inside.
    public var body: [Statement]
    /// Where the `define` line is.
    public var range: SourceRange
}

/// One command, with the range of its first line.
public struct Statement: Sendable {
    /// What the command does.
    public var kind: StatementKind
    /// The command's first line (for a block, its opening line).
    public var range: SourceRange
    /// The line number, used to tie timeline segments back to the program.
    public var line: Int { range.line }
}

/// Every Bop command.
public indirect enum StatementKind: Sendable {
    case say([SayPiece])
    case motion(Motion)
    case wait(Timing?)
    case dance(name: String, count: Expression?)
    case playSound(name: String, timing: Timing?)
    /// `play emotion NAME`: a move of the emotions library, as written (resolved while compiling).
    case playEmotion(name: String, nameRange: SourceRange)
    case repeatLoop(count: Expression, counter: String?, body: [Statement])
    case forever([Statement])
    case together([Statement])
    case inOrder([Statement])
    case pickOne([Statement])
    case mirror([Statement])
    case call(name: String, arguments: [Expression], count: Expression?)
    case ifElse(Condition, then: [Statement], otherwise: [Statement])
    case set(name: String, value: Expression)
    case change(name: String, by: Expression)
    case tempo(Expression)
    case speed(Expression)
    case stop
}

/// A piece of what `say` says: literal words or the value of an expression.
public enum SayPiece: Sendable {
    case text(String)
    case value(Expression)
}

/// A move of the robot's body with its optional size, count, timing and feel.
public struct Motion: Sendable {
    /// What moves and which way.
    public var action: MotionAction
    /// How far (`30`, `a little`); `nil` means the default size.
    public var amount: Amount?
    /// How many times (for nod, shake, wiggle).
    public var count: Expression?
    /// How long the whole move takes.
    public var timing: Timing?
    /// The feel word (`smoothly`, `bouncy`, …), if any.
    public var feel: Feel?
}

/// How a move feels; each maps to one of Reachy Mini's interpolations.
public enum Feel: String, Sendable {
    case smoothly, gently, bouncy, steady, snappy

    /// The interpolation used on the timeline.
    public var easing: InterpolationMethod {
        switch self {
        case .smoothly: .minjerk
        case .gently: .easeInOut
        case .bouncy: .cartoon
        case .steady, .snappy: .linear
        }
    }
}

/// The kinds of move.
public enum MotionAction: Sendable, Equatable {
    case look(Direction)
    case lookAhead
    case tilt(Side)
    case nod
    case shake
    case raiseHead
    case lowerHead
    case turnBody(Side)
    case turnBack
    case wiggleAntennas(Which)
    case raiseAntennas(Which)
    case lowerAntennas(Which)
}

/// Up, down, left or right.
public enum Direction: String, Sendable { case left, right, up, down }
/// Left or right.
public enum Side: String, Sendable { case left, right }
/// Which antenna.
public enum Which: String, Sendable { case left, right, both }

/// A size: a number of degrees (or millimeters for raise/lower head), or a word.
public enum Amount: Sendable {
    case value(Expression)
    case little
    case lot
}

/// `in 2 seconds`, `for 1 beat`.
public struct Timing: Sendable {
    /// How many units.
    public var value: Expression
    /// Seconds or beats.
    public var unit: TimeUnit
}

/// A unit of time.
public enum TimeUnit: String, Sendable { case seconds, minutes, beats }

/// A comparison in `if`.
public struct Condition: Sendable {
    /// How to compare.
    public enum Comparison: String, Sendable { case equal, notEqual, more, less }
    public var left: Expression
    public var comparison: Comparison
    public var right: Expression
}

/// Arithmetic on numbers.
public indirect enum Expression: Sendable {
    case number(Double, SourceRange)
    case variable(String, display: String, SourceRange)
    case random(Expression, Expression, SourceRange)
    /// `a + b - c` or `a * b / c`: the first operand, then each operation, applied left to right. Kept flat
    /// (not as a tree of pairs) so that a very long line of math is read, run and freed without deep recursion.
    case chain(Expression, [MathOperation], SourceRange)
    case negate(Expression, SourceRange)

    /// Where the expression is written.
    public var range: SourceRange {
        switch self {
        case .number(_, let r), .variable(_, _, let r), .random(_, _, let r), .chain(_, _, let r),
            .negate(_, let r):
            return r
        }
    }
}

/// One step of a math chain: `+ b`, `- b`, `* b` or `/ b`.
public struct MathOperation: Sendable {
    /// `+`, `-`, `*` or `/`.
    public var symbol: Character
    /// What it adds, subtracts, multiplies or divides by.
    public var operand: Expression

    /// An operation applying `symbol` with `operand`.
    public init(_ symbol: Character, _ operand: Expression) {
        self.symbol = symbol
        self.operand = operand
    }
}
