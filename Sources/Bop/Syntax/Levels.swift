/// What each level unlocks. Levels only ever add: a program valid at level n is valid, with the same
/// meaning, at every level above n.
enum Levels {
    /// The highest level, used when a program does not declare one.
    static let highest = 6

    /// The level at which each command word unlocks.
    static let command: [BopKeyword: Int] = [
        .say: 1, .look: 1, .tilt: 1, .nod: 1, .shake: 1, .raise: 1, .lower: 1, .turn: 1, .wiggle: 1,
        .wait: 1,
        .repeat: 2, .play: 2, .dance: 2,
        .together: 3, .tempo: 3,
        .define: 4, .mirror: 4, .in: 4, .do: 4,
        .set: 5, .change: 5, .pick: 5, .if: 5,
        .forever: 6, .stop: 6, .speed: 6,
    ]

    /// Numbers, sizes, counts and times in seconds.
    static let numbers = 2
    /// `beats`, easing words and quotes around spoken words.
    static let beatsAndFeel = 3
    /// Calling your own moves.
    static let calls = 4
    /// Variables, math, `random`, `repeat … with n`.
    static let math = 5
    /// Moves with parameters (`define move bob with size`).
    static let parameters = 6

    /// Command words a child can start a line with at `level`, for "I know these words" lists: the first
    /// level's words first (as the guide teaches them), then each level's new words.
    static func commands(upTo level: Int) -> [BopKeyword] {
        command.filter { $0.value <= level && $0.key != .in && $0.key != .do }.sorted {
            ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue)
        }.map(\.key)
    }
}
