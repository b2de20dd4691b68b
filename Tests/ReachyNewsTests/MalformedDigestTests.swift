import Foundation
import Testing

@testable import ReachyNews

@Suite("Malformed digests")
struct MalformedDigestTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var file: String
        var code: String?
        var line: Int?
        var column: Int?
        var severity: String?
        var items: Int
        var testDescription: String { file }
    }

    struct Manifest: Decodable { var cases: [Case] }

    static let cases: [Case] = {
        let url = TestFiles.malformed.appendingPathComponent("expected.json")
        guard let data = try? Data(contentsOf: url), let m = try? JSONDecoder().decode(Manifest.self, from: data) else {
            return []
        }
        return m.cases
    }()

    @Test("The manifest lists at least ten variants")
    func manifest() {
        #expect(Self.cases.count >= 10)
    }

    @Test("Each variant reports the expected problem at the expected place; good items survive", arguments: cases)
    func variant(_ c: Case) throws {
        let result = DigestParser.parse(contentsOf: TestFiles.malformed.appendingPathComponent(c.file))
        #expect(result.digest.items.count == c.items)
        guard let code = c.code, let line = c.line else {
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
            return
        }
        let first = try #require(result.diagnostics.first, "no diagnostic for \(c.file)")
        #expect(first.error.code == code)
        #expect(first.error.line == line)
        #expect(first.error.column == c.column)
        #expect(first.severity == c.severity)
        // The message a user sees names the file and the line.
        #expect(first.description.hasPrefix(TestFiles.malformed.appendingPathComponent(c.file).path + ":\(line)"))
        #expect(first.error.description.contains("line \(line)"))
    }

    @Test("A warning-only digest still parses completely and strict parsing accepts it")
    func warningsOnly() throws {
        let text = try String(
            contentsOf: TestFiles.malformed.appendingPathComponent("13-unbalanced-bold.md"), encoding: .utf8)
        let digest = try DigestParser.parseStrict(text)
        #expect(digest.items.count == 2)
    }
}
