/// Splits mixed Chinese/English text into runs for espeak-ng 1.51's per-run SSML voices.
///
/// Rules: a Latin letter starts or continues a Latin run; a Han ideograph or CJK punctuation starts or continues a
/// Han run; everything else (digits, spaces, `-`, `.`, ASCII punctuation) stays in the current run, so
/// "Gemini 3 Flash" and "GPT 5.2" remain English. Text that starts with neutral characters belongs to the run of
/// the first letter or ideograph that follows it (Han if there is none).
public enum LanguageRunSplitter {
    /// The language of a run.
    public enum Script: Sendable, Equatable {
        /// Chinese characters and CJK punctuation.
        case han
        /// Japanese kana (hiragana, katakana), for the Japanese voice.
        case kana
        /// Latin letters (English words and names).
        case latin
    }

    /// A maximal piece of text in one script.
    public struct Run: Sendable, Equatable {
        /// The script of the run.
        public var script: Script
        /// The run's text.
        public var text: String

        /// A run.
        public init(script: Script, text: String) {
            self.script = script
            self.text = text
        }
    }

    /// Classifies one scalar: `.han`, `.kana`, `.latin`, or `nil` for neutral characters.
    public static func script(of scalar: Unicode.Scalar) -> Script? {
        let v = scalar.value
        if (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xC0...0x24F).contains(v) {
            return .latin
        }
        if (0x3040...0x30FF).contains(v) || (0x31F0...0x31FF).contains(v) || (0xFF66...0xFF9F).contains(v) {
            return .kana
        }
        if (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x2FA1F).contains(v) || (0x3000...0x303F).contains(v) || (0xFF00...0xFF65).contains(v)
            || (0xFFA0...0xFFEF).contains(v)
            || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 || v == 0x2026 || v == 0x2014
        {
            return .han
        }
        return nil
    }

    /// Splits `text` into runs; concatenating the runs' texts gives `text` back.
    public static func split(_ text: String) -> [Run] {
        var runs: [Run] = []
        var current: Script? = nil
        var buffer = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let s = script(of: scalar)
            if let s, s != current {
                if current == nil {
                    current = s  // leading neutral characters join the first real run
                } else if !buffer.isEmpty, let c = current {
                    runs.append(Run(script: c, text: String(buffer)))
                    buffer = String.UnicodeScalarView()
                    current = s
                }
            }
            buffer.append(scalar)
        }
        if !buffer.isEmpty { runs.append(Run(script: current ?? .han, text: String(buffer))) }
        return runs
    }
}
