import Foundation

/// Character classes used by the normaliser and the splitter.
enum LanguageScript {
    static func isHan(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x2FA1F).contains(v)
    }

    static func isLatinLetter(_ c: Character) -> Bool { c.isASCII && c.isLetter }
}
