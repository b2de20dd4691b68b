/// Turns a `SpeechScript` into the SSML that espeak-ng receives.
public enum SSMLBuilder {
    /// How Mandarin text is voiced.
    public enum MandarinStyle: Sendable, Equatable {
        /// One `<voice>` element per Han/Latin run (espeak-ng 1.51 workaround).
        case voiceRuns
        /// The plain `cmn` voice switches to English by itself (espeak-ng ≥ 1.52).
        case plainCmn
    }

    /// Voice used for Han runs in `.voiceRuns` style.
    public static let hanVoice = "cmn-latn-pinyin"
    /// Voice used for Latin runs, and for `.english`.
    public static let englishVoice = "en-us"
    /// Voice used for kana runs (Japanese). espeak-ng's Japanese voice reads kana only (it names kanji "Chinese
    /// letter"), so kanji stay with the Mandarin voice — a wrong reading, but a reading.
    public static let japaneseVoice = "ja"

    /// Whether text holds kana (hiragana, katakana, half-width katakana): then it is Japanese.
    public static func isJapanese(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            (0x3040...0x30FF).contains($0.value) || (0x31F0...0x31FF).contains($0.value)
                || (0xFF66...0xFF9F).contains($0.value)
        }
    }

    /// Escapes the XML special characters of text content.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// The SSML document for a script.
    public static func ssml(for script: SpeechScript, style: MandarinStyle?) -> String {
        var out = "<speak>"
        for segment in script.segments {
            switch segment {
            case .text(let text):
                if style == .voiceRuns || (style != nil && isJapanese(text)) {
                    // Kana go to the Japanese voice: the Mandarin voice says "Japanese" for every kana it meets.
                    for run in LanguageRunSplitter.split(text) {
                        let voice =
                            switch run.script {
                            case .han: hanVoice
                            case .kana: japaneseVoice
                            case .latin: englishVoice
                            }
                        out += "<voice name=\"\(voice)\">\(escape(run.text))</voice>"
                    }
                } else {
                    out += escape(text)
                }
            case .mark(let name):
                out += "<mark name=\"\(escape(name))\"/>"
            case .pause(let ms):
                out += "<break time=\"\(max(0, ms))ms\"/>"
            }
        }
        return out + "</speak>"
    }
}
