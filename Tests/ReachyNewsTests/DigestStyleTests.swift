import Foundation
import Testing

@testable import ReachyNews

/// Digests written in the common styles people publish AI news in (Tests/ReachyNewsTests/Data/styles, one file per
/// style, expectations in its expected.json): every item is found with its headline, link and words, nothing that
/// is not news is read, and whatever is skipped is reported.
@Suite("Digest styles")
struct DigestStyleTests {
    struct Item: Decodable, Sendable {
        var headline: String
        var url: String
        var contains: [String]
        var excludes: [String]
    }

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var file: String
        var warnings: [String]
        var items: [Item]
        var testDescription: String { file }
    }

    struct Manifest: Decodable { var cases: [Case] }

    static let folder = TestFiles.malformed.deletingLastPathComponent().appendingPathComponent("styles")

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")),
            let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
        else { return [] }
        return manifest.cases
    }()

    @Test("The manifest covers at least eight styles")
    func manifest() { #expect(Self.cases.count >= 8) }

    @Test("Each style gives its items, reads only news and reports what it skipped", arguments: cases)
    func style(_ c: Case) throws {
        let result = DigestParser.parse(contentsOf: Self.folder.appendingPathComponent(c.file))
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.diagnostics.map(\.error.code) == c.warnings, "\(result.diagnostics)")
        let items = result.digest.items
        #expect(items.map(\.headline) == c.items.map(\.headline))
        #expect(items.map(\.url) == c.items.map(\.url))
        for (item, expected) in zip(items, c.items) {
            for words in expected.contains {
                #expect(item.body.contains(words), "\(c.file) item \(item.number) lacks “\(words)”: \(item.body)")
            }
            for words in expected.excludes {
                #expect(!item.body.contains(words), "\(c.file) item \(item.number) reads “\(words)”: \(item.body)")
            }
        }
    }

    @Test("Every warning names a line inside the file and says what happens")
    func warningsAreActionable() throws {
        for c in Self.cases {
            let url = Self.folder.appendingPathComponent(c.file)
            let lineCount = try String(contentsOf: url, encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).count
            for d in DigestParser.parse(contentsOf: url).diagnostics {
                #expect(d.error.line >= 1 && d.error.line <= lineCount, "\(d)")
                let says = ["not read", "skipped", "without", "only its headline"].contains {
                    d.description.contains($0)
                }
                #expect(says, "\(d)")
            }
        }
    }
}
