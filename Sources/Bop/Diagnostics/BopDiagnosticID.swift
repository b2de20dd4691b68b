/// The stable identifier of everything Bop can tell a child about a program. The raw value is the wire form
/// (`"unknown-word"`, …) used in JSON output and as the prefix of the message keys `<id>.title`, `<id>.message`
/// and `<id>.try` in every language file (`Languages/*.json`); a test checks the files and this enum agree.
public enum BopDiagnosticID: String, Sendable, Hashable, Codable, CaseIterable {
    /// Banner: “I DON'T KNOW THAT WORD”.
    case unknownWord = "unknown-word"
    /// Banner: “NOT YET!”
    case notYet = "not-yet"
    /// Banner: “WHERE DOES THIS END?”
    case missingEnd = "missing-end"
    /// Banner: “AN END WITH NOTHING TO END”.
    case extraEnd = "extra-end"
    /// Banner: “MISSING QUOTE MARK”.
    case missingQuote = "missing-quote"
    /// Banner: “WHICH WORDS SHOULD I SAY?”
    case sayNeedsQuotes = "say-needs-quotes"
    /// Banner: “HOW MANY TIMES?”
    case repeatNeedsNumber = "repeat-needs-number"
    /// Banner: “A WORD IS MISSING”.
    case missingWord = "missing-word"
    /// Banner: “WHICH WAY?”
    case needsDirection = "needs-direction"
    /// Banner: “A NUMBER WHERE I EXPECTED A WORD”.
    case numberNotWord = "number-not-word"
    /// Banner: “I NEED A NUMBER”.
    case needsNumber = "needs-number"
    /// Banner: “I DON'T KNOW THAT MOVE”.
    case unknownMove = "unknown-move"
    /// Banner: “I DON'T KNOW THAT SOUND”.
    case unknownSound = "unknown-sound"
    /// Banner: “I DON'T KNOW THAT EMOTION” (`play emotion NAME`, a name the emotions library does not have).
    case unknownEmotion = "unknown-emotion"
    /// Banner: “I HAVE NO EMOTIONS YET” (no emotions library on this computer; how to get one).
    case noEmotions = "no-emotions"
    /// Banner: “THAT EMOTION IS BROKEN” (its file is not a valid recorded move).
    case brokenEmotion = "broken-emotion"
    /// Banner: “I DON'T KNOW THAT DANCE”.
    case unknownDance = "unknown-dance"
    /// Banner: “ONE {part}, TWO JOBS”.
    case twoJobs = "two-jobs"
    /// Banner: “STUCK THINKING FOREVER”.
    case foreverNeverWaits = "forever-never-waits"
    /// Banner: “I DON'T KNOW THAT NAME”.
    case unknownName = "unknown-name"
    /// Banner: “EXTRA WORDS”.
    case extraWords = "extra-words"
    /// Banner: “AN ELSE WITHOUT AN IF”.
    case elseWithoutIf = "else-without-if"
    /// Banner: “TEACH MOVES AT THE TOP”.
    case defineNotAtTop = "define-not-at-top"
    /// Banner: “THAT NAME IS TAKEN”.
    case nameTaken = "name-taken"
    /// Banner: “I CAN'T SHARE BY ZERO”.
    case divideByZero = "divide-by-zero"
    /// Banner: “THAT'S A LOT OF WORK”.
    case tooMuch = "too-much"
    /// Banner: “I STOPPED THE SHOW”.
    case horizon
    /// Banner: “WHICH LEVEL?”
    case badLevel = "bad-level"
    /// Banner: “LEVEL GOES FIRST”.
    case levelNotFirst = "level-not-first"
    /// Banner: “NOTHING INSIDE”.
    case emptyBlock = "empty-block"
    /// Banner: “WRONG NUMBER OF VALUES”.
    case wrongArguments = "wrong-arguments"
    /// Banner: “A MOVE THAT USES ITSELF”.
    case callsItself = "calls-itself"
    /// Banner: “I DON'T KNOW THAT MARK”.
    case strangeMark = "strange-mark"
    /// Banner: “MISSING BRACKET”.
    case unclosedBracket = "unclosed-bracket"
    /// Banner: “UNFINISHED MATH”.
    case incompleteMath = "incomplete-math"
    /// Banner: “WHAT IS IT CALLED?”
    case missingName = "missing-name"
    /// Banner: “PICK NEEDS OR”.
    case pickNeedsOr = "pick-needs-or"
    /// Banner: “THAT'S TOO FAR FOR ME”.
    case clamped
    /// Banner: “I SLOWED THAT DOWN”.
    case slowed
    /// Banner: “TOO QUICK”.
    case tooQuick = "too-quick"
    /// Banner: “TEMPO OUT OF RANGE”.
    case tempoClamped = "tempo-clamped"
    /// Banner: “SPEED OUT OF RANGE”.
    case speedClamped = "speed-clamped"
    /// Banner: “I ROUNDED THAT”.
    case countAdjusted = "count-adjusted"
    /// Banner: “LESS BOUNCY”.
    case bouncyTonedDown = "bouncy-toned-down"
    /// Banner: “THAT'S VERY LONG”.
    case tooLong = "too-long"
    /// Banner: “TOO MANY GROUPS INSIDE GROUPS”.
    case tooDeep = "too-deep"
    /// Banner: “TOO MANY MOVES TO PLAN”.
    case tooManyMoves = "too-many-moves"
    /// Banner: “THAT TAKES ME TOO LONG”.
    case tooSlow = "too-slow"
    /// Banner: “I STOPPED PLANNING”.
    case cancelled
    /// A habit from another programming language (`nod()`, `repeat 3 times:`, `if x == 10`, `x = 5`), with how
    /// Bop says it.
    case anotherWay = "another-way"
    /// Banner: “FOR HOW LONG?” — a time where the size or count goes (`nod 3 seconds`).
    case timeNeedsFor = "time-needs-for"
    /// Banner: “THAT UNIT DOESN'T FIT” — millimetres on a turn (`look right 10 mm`), degrees on a lift.
    case wrongUnit = "wrong-unit"
    /// Banner: “THE OTHER WAY?” — a negative size after a direction word (`look left -30`).
    case otherWay = "other-way"
    /// Banner: “NOTHING TO DO YET” — an empty program, or one with only comments.
    case nothingToDo = "nothing-to-do"
}
