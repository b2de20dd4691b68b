/// Every keyword spelling of every bundled language, folded, ready for the lexer: whole-word lookup for
/// space-separated scripts and longest match for Chinese, where words run together.
struct KeywordTable: Sendable {
    struct Entry: Sendable {
        /// Canonical keywords this spelling stands for (one, or several for a phrase like `向左看`); empty for a
        /// user name.
        var keywords: [BopKeyword]
        var language: String
    }

    private(set) var words: [String: Entry] = [:]
    private(set) var cjk: [String: Entry] = [:]
    private(set) var longestCJK = 1
    /// Number words of every language (`three` → 3), folded.
    private(set) var numberWords: [String: Int] = [:]

    /// The table for all bundled languages; English entries win ties.
    static let shared = KeywordTable(languages: BopLanguages.codes.compactMap { BopLanguages.all[$0] })

    init(languages: [BopLanguage]) {
        for language in languages {
            for (word, value) in language.numbers ?? [:] where numberWords[TextFolding.fold(word)] == nil {
                numberWords[TextFolding.fold(word)] = value
            }
            for (keyword, spellings) in language.keywords.sorted(by: { $0.key < $1.key }) {
                // Every key is a `BopKeyword` (checked by the language tests).
                guard let keyword = BopKeyword(rawValue: keyword) else { continue }
                for spelling in spellings { add(spelling, Entry(keywords: [keyword], language: language.code)) }
            }
            for (spelling, keywords) in language.phrases.sorted(by: { $0.key < $1.key }) {
                add(spelling, Entry(keywords: keywords.compactMap(BopKeyword.init(rawValue:)), language: language.code))
            }
        }
    }

    private mutating func add(_ spelling: String, _ entry: Entry) {
        let folded = TextFolding.fold(spelling)
        guard let first = folded.first else { return }
        if TextFolding.isCJK(first) {
            if cjk[folded] == nil { cjk[folded] = entry }
            longestCJK = max(longestCJK, folded.count)
        } else if words[folded] == nil {
            words[folded] = entry
        }
    }

    /// Adds the user's own names (moves, variables) so Chinese names split correctly from keywords.
    mutating func addNames(_ names: [String]) {
        for name in names {
            let folded = TextFolding.fold(name)
            guard let first = folded.first, TextFolding.isCJK(first), cjk[folded] == nil else { continue }
            cjk[folded] = Entry(keywords: [], language: "")
            longestCJK = max(longestCJK, folded.count)
        }
    }
}
