/// The text of a Bop program split into lines of characters, so that columns are counted the way a child
/// sees them. Accepts `\n`, `\r\n` and `\r` line ends.
public struct SourceText: Sendable {
    /// The program as given.
    public let text: String
    /// Every line, without its line end. There is always at least one line.
    public let lines: [[Character]]
    /// The program's UTF-8 bytes, and for every line that is plain ASCII (one byte per character, so byte
    /// offsets are columns) its byte range; `nil` for lines with other characters. The lexer reads these
    /// lines byte by byte.
    let utf8: [UInt8]
    let asciiRanges: [Range<Int>?]

    /// Splits `text` into lines.
    public init(_ text: String) {
        self.text = text
        // Split on line ends in UTF-8 first (fast), then break each line into characters.
        var lines: [[Character]] = []
        var asciiRanges: [Range<Int>?] = []
        let bytes = Array(text.utf8)
        var start = 0
        var i = 0
        func cut(_ end: Int) {
            let slice = bytes[start..<end]
            if slice.allSatisfy({ $0 < 0x80 }) {
                // Plain ASCII (no line ends left inside): every byte is one character.
                let table = SourceText.asciiCharacters
                lines.append(
                    [Character](unsafeUninitializedCapacity: slice.count) { buffer, count in
                        for (k, byte) in slice.enumerated() { buffer.initializeElement(at: k, to: table[Int(byte)]) }
                        count = slice.count
                    })
                asciiRanges.append(start..<end)
            } else {
                lines.append(Array(String(decoding: slice, as: UTF8.self)))
                asciiRanges.append(nil)
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                cut(i)
                i += 1
                start = i
            } else if b == 0x0D {
                cut(i)
                i += (i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
                start = i
            } else if b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA8 {
                cut(i)
                i += 3
                start = i
            } else {
                i += 1
            }
        }
        cut(bytes.count)
        self.lines = lines
        self.utf8 = bytes
        self.asciiRanges = asciiRanges
    }

    /// The 128 ASCII characters, made once.
    private static let asciiCharacters: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }

    /// The line `number` (1-based) as a string, or an empty string if there is no such line.
    public func line(_ number: Int) -> String {
        guard number >= 1 && number <= lines.count else { return "" }
        return String(lines[number - 1])
    }

    /// The number of characters on line `number`.
    public func lineLength(_ number: Int) -> Int {
        guard number >= 1 && number <= lines.count else { return 0 }
        return lines[number - 1].count
    }

    /// How many spaces a line starts with (a tab counts as 4); `nil` for blank or comment-only lines.
    public func indentation(ofLine number: Int) -> Int? {
        guard number >= 1 && number <= lines.count else { return nil }
        var width = 0
        if number <= asciiRanges.count, let range = asciiRanges[number - 1] {
            // Plain ASCII line: read bytes (same rules; `\u{3000}` and `＃` cannot occur here).
            for byte in utf8[range] {
                switch byte {
                case 32: width += 1
                case 9: width += 4
                case 35: return nil
                default: return width
                }
            }
            return nil
        }
        for character in lines[number - 1] {
            switch character {
            case " ", "\u{3000}": width += 1
            case "\t": width += 4
            case "#", "＃": return nil
            default: return width
            }
        }
        return nil
    }
}

/// Terminal display width of characters, so carets line up under wide (CJK, emoji) characters.
enum DisplayWidth {
    /// 2 for East Asian wide and full-width characters and emoji, 1 otherwise.
    static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 1 }
        let v = scalar.value
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    /// The display width of a run of characters.
    static func of<S: Sequence>(_ characters: S) -> Int where S.Element == Character {
        characters.reduce(0) { $0 + of($1) }
    }
}
