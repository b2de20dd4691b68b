import Foundation

/// The names children may use for the official dances: the official names (with spaces, `groovy sway and roll`),
/// the short names of each language file's `dances` table (`groovy`, `点头舞`) and any unambiguous start of an
/// official name.
extension Dances {
    /// The official names written with spaces, as children type them, sorted.
    static let kidNames: [String] = all.keys.sorted().map { $0.replacingOccurrences(of: "_", with: " ") }

    /// The English short names (from `en.json`), as children type them, sorted; offered as suggestions.
    static let kidAliases: [String] = BopLanguages.english.dances.keys.sorted()

    /// The short dance names of `language`'s `dances` table, in the order of the official dances they stand for.
    static func localNames(_ language: BopLanguage) -> [String] {
        language.dances.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
    }

    /// `groovy sway`, `groovy-sway` and `groovy_sway` all match `groovy_sway`.
    private static func matchKey(_ spaced: String) -> String {
        String(spaced.map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    /// The official dance for what the child wrote (`groovy sway`, `simple_nod`, `点头舞`), or `nil`: an official
    /// name, else a short name of the program's language, else an English short name, else the only official name
    /// starting with what was written.
    static func resolve(_ written: String, language: BopLanguage) -> String? {
        let key = matchKey(Prescan.key(written))
        if all[key] != nil { return key }
        for candidate in [language, BopLanguages.english] {
            if let name = candidate.dances.first(where: { matchKey(Prescan.key($0.key)) == key })?.value {
                return name
            }
        }
        let prefixed = all.keys.filter { $0.hasPrefix(key + "_") }
        return prefixed.count == 1 ? prefixed.first : nil
    }
}
