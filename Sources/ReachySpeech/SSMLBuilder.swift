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
                if style == .voiceRuns {
                    for run in LanguageRunSplitter.split(text) {
                        let voice = run.script == .han ? hanVoice : englishVoice
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
