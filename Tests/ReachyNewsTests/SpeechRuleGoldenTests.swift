import Foundation
import Testing

@testable import ReachyNews

/// One golden case per newsreader rule (Data/speech-rules.json): the text given to the voice for each.
@Suite("Speech rules")
struct SpeechRuleGoldenTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var rule: String
        var input: String
        var speech: String
        var testDescription: String { rule }
    }

    struct Set: Decodable { var cases: [Case] }

    static let cases: [Case] = {
        let url = TestFiles.testsDirectory.appendingPathComponent("Data/speech-rules.json")
        guard let data = try? Data(contentsOf: url), let set = try? JSONDecoder().decode(Set.self, from: data) else {
            return []
        }
        return set.cases
    }()

    @Test("There is a case for every rule") func count() { #expect(Self.cases.count >= 20) }

    @Test("Each rule gives the expected speech text", arguments: cases)
    func rule(_ c: Case) throws {
        let normalizer = try SpeechNormalizer.bundled()
        #expect(normalizer.normalize(c.input) == c.speech)
    }
}

/// English sentences are not cut at abbreviations.
@Suite("Sentence splitting")
struct AbbreviationSplitTests {
    @Test(
        "U.S., Inc., Corp., e.g., Mr., p.m. and initials do not end a sentence",
        arguments: [
            (
                "The U.S. government and Apple Inc. agreed at 3 p.m. on Monday. Talks go on.",
                ["The U.S. government and Apple Inc. agreed at 3 p.m. on Monday.", "Talks go on."]
            ),
            (
                "Mr. Altman, e.g. in his post, said so. J. Smith agreed.",
                ["Mr. Altman, e.g. in his post, said so.", "J. Smith agreed."]
            ),
            ("Nvidia Corp. shares fell. 苹果公司回应。", ["Nvidia Corp. shares fell.", "苹果公司回应。"]),
            ("Models, tools, etc.", ["Models, tools, etc."]),
        ])
    func abbreviations(_ text: String, _ expected: [String]) {
        #expect(SentenceSplitter.split(text) == expected)
    }
}
