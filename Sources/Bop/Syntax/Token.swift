/// One word, number, quoted text or mark of a Bop line, with where it is.
struct Token: Sendable {
    /// What kind of token this is.
    enum Kind: Sendable, Equatable {
        /// Letters: a keyword (see `keyword`) or a name.
        case word
        /// A number; `number` holds its value.
        case number
        /// Quoted text; `closed` is false when the closing quote mark is missing.
        case string(closed: Bool, quote: Character)
        /// Math symbols `+ - * / ( ) = < >` (normalized to ASCII) and any other mark.
        case symbol
    }

    var kind: Kind
    /// The text as the child wrote it (for strings: the inside, without quote marks).
    var text: String
    /// Normalized text used for matching (case-, width- and accent-folded).
    var folded: String
    /// The canonical keyword this spelling stands for, if any.
    var keyword: BopKeyword?
    /// The language whose spelling this was, for keywords.
    var language: String?
    /// The value of a number token.
    var number: Double = 0
    /// Where the token is.
    var range: SourceRange

    func isKeyword(_ name: BopKeyword) -> Bool { keyword == name }
    var isWord: Bool { kind == .word }
    var isName: Bool { kind == .word && keyword == nil }
    var isNumber: Bool { kind == .number }
    func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
}

/// The tokens of one source line.
struct LexedLine: Sendable {
    /// 1-based line number.
    var number: Int
    var tokens: [Token]
}
