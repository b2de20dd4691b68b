import Foundation
import Testing

@testable import Bop

/// The typed diagnostic ids and keywords say exactly what the language files say, in every language.
@Suite struct LanguageDataTests {
    /// Message groups that are not diagnostics: parts, marks, banners, the summary line and the fallback suggestion.
    static let sharedMessageGroups: Set<String> = [
        "part", "mark", "banner", "quote", "found", "list", "summary", "fallback", "run", "way", "joint", "picture",
        "replay", "timeline",
    ]

    static let ids = Set(BopDiagnosticID.allCases.map(\.rawValue))
    static let keywords = Set(BopKeyword.allCases.map(\.rawValue))

    @Test func bothLanguagesAreLoaded() {
        #expect(Set(BopLanguages.codes).isSuperset(of: ["en", "zh"]))
    }

    @Test(arguments: BopLanguages.codes)
    func diagnosticIDsAreTheMessageGroupsOfTheFile(code: String) throws {
        let language = try #require(BopLanguages.all[code])
        let groups = Set(language.messages.keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        #expect(groups.subtracting(Self.sharedMessageGroups) == Self.ids, "\(code)")
        for id in BopDiagnosticID.allCases {
            let key = id.rawValue
            #expect(language.messages["\(key).title"] != nil, "\(code): \(key).title")
            #expect(language.messages["\(key).message"] != nil, "\(code): \(key).message")
            #expect(language.messages.keys.contains { $0.hasPrefix("\(key).try") }, "\(code): \(key).try")
        }
    }

    @Test(arguments: BopLanguages.codes)
    func keywordsAreTheKeywordTableOfTheFile(code: String) throws {
        let language = try #require(BopLanguages.all[code])
        #expect(Set(language.keywords.keys) == Self.keywords, "\(code)")
        for (phrase, meaning) in language.phrases {
            #expect(!meaning.isEmpty && Set(meaning).isSubset(of: Self.keywords), "\(code): \(phrase)")
        }
    }

    /// Every `{kw:name}` slot of every message names a keyword.
    @Test(arguments: BopLanguages.codes)
    func messageKeywordSlotsAreKeywords(code: String) throws {
        let language = try #require(BopLanguages.all[code])
        for (key, template) in language.messages {
            var rest = Substring(template)
            while let open = rest.range(of: "{kw:") {
                let tail = rest[open.upperBound...]
                let close = try #require(tail.firstIndex(of: "}"), "\(code): \(key)")
                #expect(BopKeyword(rawValue: String(tail[..<close])) != nil, "\(code): \(key)")
                rest = tail[close...]
            }
        }
    }

    /// Every keyword has a spelling a child can write in English, the language every program may use.
    @Test func everyKeywordIsSpelledInEnglish() {
        for keyword in BopKeyword.allCases {
            #expect(!(BopLanguages.english.keywords[keyword.rawValue] ?? []).isEmpty, "\(keyword)")
            #expect(BopLanguages.english.spelling(of: keyword) == keyword.rawValue, "\(keyword)")
        }
    }

    /// Diagnostics carry the typed id; JSON keeps the wire string under `id`.
    @Test func diagnosticJSONKeepsTheWireID() throws {
        let result = BopCompiler.compile("nodd\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.kind == .unknownWord && diagnostic.id == "unknown-word")
        let data = try JSONEncoder().encode(diagnostic)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["id"] as? String == "unknown-word")
        #expect(object["kind"] == nil)
        #expect(try JSONDecoder().decode(BopDiagnostic.self, from: data) == diagnostic)
    }
}
