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
