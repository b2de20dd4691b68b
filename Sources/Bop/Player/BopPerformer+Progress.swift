import Foundation

extension BopPerformer.Event {
    /// The line `reachy run` prints for this event (and `GET /api/bop/events/{uuid}` gives), e.g. "▶ line 3: nod
    /// twice", in English; nil for the approach to the first pose, which is not shown. `program` names what is
    /// played.
    public func progressText(program: String) -> String? {
        progressText(program: program, language: BopLanguages.english)
    }

    /// The line for this event in `language` (the program's: ``BopResult/language``), from the `run.*` messages of
    /// the language files, e.g. "▶ 第 3 行：点头"; nil for the approach to the first pose.
    public func progressText(program: String, language: BopLanguage) -> String? {
        let messages = MessageCatalog(language)
        switch self {
        case .notice(let text): return text
        case .wakingUp: return messages.text("run.waking-up")
        case .approaching: return nil
        case .playing(let seconds, let truncated):
            return messages.text(
                truncated ? "run.playing-cut" : "run.playing",
                ["program": program, "seconds": String(format: "%.2f", seconds)])
        case .line(let line, let text, _): return messages.text("run.line", ["line": "\(line)", "text": text])
        case .done: return messages.text("run.done")
        }
    }
}

extension BopLanguage {
    /// A message of `reachy run` in this language (`run.sound-file`, `run.notice`, `run.nothing-recorded`, …), its
    /// `{placeholders}` filled from `arguments`.
    public func runMessage(_ key: String, _ arguments: [String: String] = [:]) -> String {
        MessageCatalog(self).text("run.\(key)", arguments)
    }
}
