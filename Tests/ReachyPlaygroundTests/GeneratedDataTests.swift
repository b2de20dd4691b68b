import Foundation
import ReachyPlayground
import Testing

/// `keywords.json` and `examples.json` say exactly what Bop's own files say.
@Suite struct GeneratedDataTests {
    static func json(_ path: String) throws -> Any {
        let file = try #require(PlaygroundSite.file(at: path))
        return try JSONSerialization.jsonObject(with: Data(file.bytes))
    }

    /// Bop's language files, read straight from the repository (not through Bop).
    static func languageFiles() throws -> [String: [String: Any]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: RepositoryFiles.languages.path)
        var result: [String: [String: Any]] = [:]
        for name in names where name.hasSuffix(".json") {
            let data = try Data(contentsOf: RepositoryFiles.languages.appendingPathComponent(name))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            result[try #require(object["code"] as? String)] = object
        }
        return result
    }

    @Test func keywordsMatchBopsLanguageFiles() throws {
        let served = try #require(try Self.json("/playground/keywords.json") as? [String: Any])
        let languages = try #require(served["languages"] as? [[String: Any]])
        let files = try Self.languageFiles()
        #expect(languages.compactMap { $0["code"] as? String }.first == "en")
        #expect(Set(languages.compactMap { $0["code"] as? String }) == Set(files.keys))
        #expect(files.count >= 2)
        for language in languages {
            let code = try #require(language["code"] as? String)
            let file = try #require(files[code])
            #expect(language["name"] as? String == file["name"] as? String)
            let servedKeywords = try #require(language["keywords"] as? [String: [String]])
            let fileKeywords = try #require(file["keywords"] as? [String: [String]])
            #expect(servedKeywords == fileKeywords, "keywords of \(code)")
            let servedPhrases = language["phrases"] as? [String: [String]] ?? [:]
            #expect(servedPhrases == (file["phrases"] as? [String: [String]] ?? [:]), "phrases of \(code)")
            let servedDances = language["dances"] as? [String: String] ?? [:]
            #expect(servedDances == (file["dances"] as? [String: String] ?? [:]), "dances of \(code)")
        }
        // A few spellings a child types, so an empty or mangled table cannot pass.
        let zh = try #require(languages.first { $0["code"] as? String == "zh" }?["keywords"] as? [String: [String]])
        #expect(zh["repeat"] == ["重复"])
        #expect(zh["look"] == ["看"])
    }

    @Test func keywordsListTheDancesAndSounds() throws {
        let served = try #require(try Self.json("/playground/keywords.json") as? [String: Any])
        let dances = try #require(served["dances"] as? [String])
        let sounds = try #require(served["sounds"] as? [String])
        // The 20 official dances, by their official names (the page also accepts them with spaces).
        #expect(dances.count == 20)
        #expect(dances.contains("groovy_sway_and_roll"))
        #expect(dances.contains("chicken_peck"))
        #expect(dances == dances.sorted())
        #expect(!sounds.isEmpty)
    }

    @Test func examplesAreEveryProgramOfTheExamplesFolder() throws {
        let examples = try #require(try Self.json("/playground/examples.json") as? [[String: String]])
        let folder = RepositoryFiles.examples
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bop") }
            .sorted()
        #expect(files.count >= 15)
        #expect(examples.map { $0["file"] ?? "" } == files)
        for example in examples {
            let name = try #require(example["file"])
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(example["text"] == text, "\(name) text")
            // Each example is also served as its own file, with the same text.
            #expect(try PlaygroundSiteTests.served("/playground/examples/" + name) == text)
        }
        let hello = try #require(examples.first { $0["file"] == "01-hello.bop" })
        #expect(hello["title"] == "01 · Level 1: words and moves. No numbers, no quote marks.")
        #expect(hello["language"] == "en")
        let zhHello = try #require(examples.first { $0["file"] == "08-zh-hello.bop" })
        #expect(zhHello["title"] == "08 · 第 1 级：说话和动作")
        #expect(zhHello["language"] == "zh")
    }

    @Test func theExamplesFolderIsTheSiteFolder() throws {
        let viaLink = RepositoryFiles.examples.resolvingSymlinksInPath().standardizedFileURL.path
        let site = RepositoryFiles.site.appendingPathComponent("examples").resolvingSymlinksInPath()
            .standardizedFileURL.path
        #expect(viaLink == site)
    }
}
