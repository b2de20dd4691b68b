import Bop
import Foundation

/// `keywords.json`: the words of Bop in every language it knows, read from Bop's own language files (never
/// retyped), plus the dance and sound names, for the page's colours, hints and completion.
///
/// Shape: `{"languages": [{"code", "name", "keywords": {canonical: [spellings]}, "phrases": {spelling:
/// [canonical…]}, "dances": {spelling: official name}}], "dances": [official names], "sounds": [names]}`,
/// English first, keys sorted, so the file is the same on every run.
public enum PlaygroundKeywords {
    /// One language as the page sees it.
    struct Language: Codable, Equatable {
        var code: String
        var name: String
        var keywords: [String: [String]]
        var phrases: [String: [String]]
        var dances: [String: String]
    }

    /// The whole file.
    struct Document: Codable, Equatable {
        var languages: [Language]
        var dances: [String]
        var sounds: [String]
    }

    /// The document built from Bop's bundled languages.
    static func document() -> Document {
        let languages = BopLanguages.codes.compactMap { code -> Language? in
            guard let language = BopLanguages.all[code] else { return nil }
            return Language(
                code: language.code, name: language.name, keywords: language.keywords, phrases: language.phrases,
                dances: language.dances)
        }
        return Document(languages: languages, dances: Dances.names, sounds: SoundLibrary.names)
    }

    /// The JSON text of `keywords.json`.
    public static func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document()) else { return #"{"languages":[],"dances":[],"sounds":[]}"# }
        return String(decoding: data, as: UTF8.self)
    }
}
