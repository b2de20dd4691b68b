import Foundation

/// One human language Bop understands: its keyword spellings, multi-word phrases, dance names and the
/// messages the robot uses to talk to the child. Loaded from `Languages/<code>.json`; adding a language is
/// adding a file there.
public struct BopLanguage: Sendable, Decodable {
    /// Short code, e.g. `en` or `zh`.
    public let code: String
    /// The name of the language, in that language.
    public let name: String
    /// Canonical keyword (a ``BopKeyword`` raw value) → the spellings a child may write. The first spelling is
    /// the one shown in messages; an empty list means the keyword has no word of its own in this language (it may
    /// still be part of a phrase).
    public let keywords: [String: [String]]
    /// A spelling that stands for several canonical keywords in a row (`向左看` → `look left`).
    public let phrases: [String: [String]]
    /// Extra dance names in this language → official dance name.
    public let dances: [String: String]
    /// Message templates by key (`unknown-word.title`, …) with `{placeholders}` and `{kw:name}` keyword slots.
    public let messages: [String: String]
    /// Number words of a space-separated language (`three` → 3, `forty` → 40, `hundred` → 100); `nil` when the
    /// language has none (Chinese numerals are read by the lexer itself).
    public let numbers: [String: Int]?
    /// The spelling the guide teaches for a command word, when it is not the keyword's first spelling
    /// (`define` → `define move`, `turn` → `转身`): the "I know these words" list shows these (a test checks they
    /// are the words of the guide's level table).
    public let guideWords: [String: String]?
    /// How other programming languages start a line a child may bring along (Scratch's `when flag clicked` and
    /// `move 10 steps`, Python's `for i in range(3):`), by kind (`start`, `steps`, `for`): the beginnings of such lines,
    /// lowercase, so Bop can say how it says the same thing.
    public let habits: [String: [String]]?
    /// Length units Bop does not use, lowercase, with how many millimetres one is (`cm` → 10), so `look left 30 cm`
    /// gets an explanation and `raise head 2 cm` the same height in `mm`.
    public let otherLengths: [String: Double]?
    /// Words per second of speech used to estimate how long `say` takes, and whether to count characters.
    public let speech: SpeechRate

    /// How long speech takes in this language, until a speech engine measures it.
    public struct SpeechRate: Sendable, Decodable {
        /// Count characters (Chinese) instead of space-separated words.
        public let countCharacters: Bool
        /// Seconds per word or character, as a fraction `numerator/denominator`.
        public let secondsPerUnit: [Int64]
        /// Seconds added to every sentence.
        public let pauseSeconds: [Int64]
    }

    /// The first spelling of a canonical keyword, for messages; the canonical word itself if none.
    public func spelling(of keyword: String) -> String {
        if let first = keywords[keyword]?.first { return first }
        if let phrase = phrases.first(where: { $0.value == [keyword] }) { return phrase.key }
        return keyword
    }

    /// The first spelling of a keyword, for messages.
    public func spelling(of keyword: BopKeyword) -> String { spelling(of: keyword.rawValue) }

    /// A command word as the guide teaches it (`define move`, `转身`), for lists of the words a child may use.
    public func guideWord(_ keyword: BopKeyword) -> String {
        guideWords?[keyword.rawValue] ?? spelling(of: keyword)
    }

    /// The message with `key`, or `nil` if this language lacks it.
    func template(_ key: String) -> String? { messages[key] }
}

/// Every language bundled with Bop, loaded once.
public enum BopLanguages {
    /// All bundled languages by code. English is always present.
    public static let all: [String: BopLanguage] = load()

    /// English, the language every program may always use.
    public static var english: BopLanguage {
        all["en"] ?? BopLanguage.fallbackEnglish
    }

    /// Language codes, English first then alphabetical.
    public static var codes: [String] {
        all.keys.sorted { a, b in (a == "en" ? "" : a) < (b == "en" ? "" : b) }
    }

    private static func load() -> [String: BopLanguage] {
        var result: [String: BopLanguage] = [:]
        let decoder = JSONDecoder()
        let directory = Bundle.module.bundleURL.appendingPathComponent("Languages")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".json") {
            let url = directory.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url),
                let language = try? decoder.decode(BopLanguage.self, from: data)
            else { continue }
            result[language.code] = language
        }
        if result["en"] == nil { result["en"] = BopLanguage.fallbackEnglish }
        return result
    }
}

extension BopLanguage {
    /// A minimal English used only if the bundled files cannot be read, so Bop never crashes.
    static let fallbackEnglish = BopLanguage(
        code: "en", name: "English", keywords: [:], phrases: [:], dances: [:], messages: [:], numbers: nil,
        guideWords: nil, habits: nil, otherLengths: nil,
        speech: SpeechRate(countCharacters: false, secondsPerUnit: [2, 5], pauseSeconds: [1, 5]))
}
