/// Fills the message templates of a language: `{name}` from the arguments, `{kw:end}` with the language's
/// own spelling of a keyword. Missing keys fall back to English, so a new language file can be partial.
struct MessageCatalog: Sendable {
    let language: BopLanguage

    init(_ language: BopLanguage) { self.language = language }

    func text(_ key: String, _ args: [String: String] = [:]) -> String {
        let template = language.template(key) ?? BopLanguages.english.template(key) ?? key
        return fill(template, args)
    }

    /// `word` quoted the way this language quotes words in messages.
    func quoted(_ word: String) -> String {
        text("quote.open") + word + text("quote.close")
    }

    /// The language's spelling of a canonical keyword.
    func keyword(_ name: BopKeyword) -> String { language.spelling(of: name) }

    private func fill(_ template: String, _ args: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                out += rest[open...]
                return out
            }
            let name = String(rest[rest.index(after: open)..<close])
            if name.hasPrefix("kw:") {
                out += language.spelling(of: String(name.dropFirst(3)))
            } else if let value = args[name] {
                out += value
            } else {
                out += "{\(name)}"
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// Builds a diagnostic from the templates `<id>.title`, `<id>.<messageKey>` and `<id>.<tryKey>`.
    func diagnostic(
        _ id: BopDiagnosticID, _ severity: Severity = .error, at range: SourceRange, _ args: [String: String] = [:],
        message messageKey: String = "message", try tryKey: String = "try", fixIt: FixIt? = nil
    ) -> BopDiagnostic {
        let key = id.rawValue
        var diagnostic = BopDiagnostic(
            kind: id, severity: severity, range: range, title: text("\(key).title", args),
            message: text("\(key).\(messageKey)", args), suggestion: text("\(key).\(tryKey)", args), fixIt: fixIt)
        let template = language.template("\(key).\(tryKey)") ?? BopLanguages.english.template("\(key).\(tryKey)") ?? ""
        if template.contains("{fix}") { diagnostic.example = args["fix"] }
        return diagnostic
    }

    /// The name of a punctuation mark in words, for messages (children skip bare symbols when reading aloud).
    func markName(_ mark: String) -> String {
        switch mark {
        case "!", "！": text("mark.exclamation")
        case "?", "？": text("mark.question")
        case ",", "，", "、": text("mark.comma")
        case ".", "。", "．": text("mark.period")
        case ":", "：": text("mark.colon")
        case ";", "；": text("mark.semicolon")
        case "-", "－", "−": text("mark.dash")
        case "(", ")", "[", "]", "{", "}": text("mark.bracket") + " (\(mark))"
        case "\"", "'", "“", "”", "‘", "’": text("mark.quote")
        default: text("mark.other", ["char": mark])
        }
    }
}
