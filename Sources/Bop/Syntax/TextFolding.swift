import Foundation

/// Normalization used everywhere words are compared: NFKC (full-width `ｎｏｄ` → `nod`), lower case,
/// no accents. ASCII takes a fast path.
enum TextFolding {
    static func fold(_ text: String) -> String {
        var hasUpper = false
        var isASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if byte >= 65 && byte <= 90 { hasUpper = true }
        }
        if isASCII {
            guard hasUpper else { return text }
            return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Folds one character (for symbols and digits).
    static func fold(_ character: Character) -> String { fold(String(character)) }

    /// Chinese, Japanese and Korean letters: words need no spaces between them.
    static func isCJK(_ character: Character) -> Bool {
        if character.isASCII { return false }
        guard let scalar = character.unicodeScalars.first else { return false }
        let v = scalar.value
        return scalar.properties.isIdeographic || (0x3040...0x30FF).contains(v) || (0xAC00...0xD7AF).contains(v)
            || (0x3400...0x4DBF).contains(v)
    }

    /// A letter (or `_`), with an ASCII fast path.
    static func isLetter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122) || ascii == 95
        }
        return character.isLetter
    }

    /// A decimal digit in any script (`3`, `３`, `٣`), and its value.
    static func digitValue(_ character: Character) -> Int? {
        if let ascii = character.asciiValue {
            return ascii >= 48 && ascii <= 57 ? Int(ascii - 48) : nil
        }
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
            scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue
        else { return nil }
        return Int(value)
    }

    static func isSpace(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii == 32 || ascii == 9 || ascii == 11 || ascii == 12 }
        return character == " " || character == "\t" || character == "\u{3000}" || character == "\u{00A0}"
            || character == "\u{200B}" || character == "\u{FEFF}" || character.isWhitespace
    }
}
