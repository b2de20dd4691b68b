/// A canonical Bop keyword: the language-independent meaning of a word a child writes (`look`, `看`, …), what the
/// lexer puts on a token and the parser matches. The raw value is the key of the word in the `keywords` table of
/// every language file and the name used in message templates (`{kw:end}`) and in phrases (`向左看` → `look
/// left`); a test checks the files and this enum agree.
public enum BopKeyword: String, Sendable, Hashable, Codable, CaseIterable {
    // Commands.
    case say, look, tilt, nod, shake, raise, lower, turn, wiggle, wait, dance, play, sound, emotion
    // Repeating and grouping.
    case `repeat`, times, once, twice, forever, stop, together, `in`, order
    // Your own moves, choices and values.
    case define, move, mirror, pick, one, or, `if`, `else`, set, change, to, by, with, and, tempo, speed, end
    case level, random
    // Directions and parts.
    case left, right, up, down, ahead, back, head, body, antenna, antennas, both
    // Units.
    case degrees, seconds, minutes, beats, mm, `for`
    // How a move goes.
    case smoothly, gently, bouncy, snappy, steady, slow, normal, fast
    // Comparing and amounts.
    case `is`, not, more, less, than, a, little, lot, `do`
}
