import Foundation
import Testing

@testable import Bop

/// Issue 15 point 5: programs written the way children aged 8–12 write them, in English and Chinese, each against
/// its reviewed golden output (Tests/BopFixtures/children/NAME.expected): every diagnostic with its id, severity,
/// position, title, message, suggestion and fix, then the timeline when the program runs. Regenerate with
/// `BOP_RECORD=1 swift test --filter ChildProgramGoldenTests`, then read every changed file before committing.
@Suite struct ChildProgramGoldenTests {
    static let names = Fixtures.childProgramNames()

    /// What a program gives, in the golden form.
    static func rendered(_ result: BopResult) -> String {
        var out = "# language=\(result.language.code) level=\(result.program.level)\n"
        for d in result.diagnostics {
            let r = d.range
            out += "\(d.severity.rawValue) \(d.id) \(r.line):\(r.column)-\(r.endLine):\(r.endColumn)\n"
            out += "  title: \(d.title)\n  message: \(d.message)\n"
            if !d.suggestion.isEmpty { out += "  try: \(d.suggestion)\n" }
            if let f = d.fixIt {
                let fr = f.range
                out += "  fix: \(fr.line):\(fr.column)-\(fr.endLine):\(fr.endColumn) → \(f.replacement)\n"
            }
        }
        if result.diagnostics.isEmpty { out += "(no diagnostics)\n" }
        if let timeline = result.timeline {
            out += TimelineFormatter.text(timeline)
        } else {
            out += "(no timeline)\n"
        }
        return out
    }

    @Test func theCatalogueHasSixtyProgramsInBothLanguages() {
        #expect(Self.names.count >= 60)
        let results = Self.names.compactMap { Fixtures.read(Fixtures.children.appendingPathComponent("\($0).bop")) }
            .map { BopCompiler.compile($0) }
        #expect(Set(results.map(\.language.code)) == ["en", "zh"])
        #expect(results.filter { $0.language.code == "zh" }.count >= 20)
        // Both kinds: programs with a mistake and programs that run.
        #expect(results.filter(\.hasErrors).count >= 25)
        #expect(results.filter { !$0.hasErrors }.count >= 15)
    }

    @Test(arguments: names)
    func childProgramMatchesGolden(_ name: String) throws {
        let source = try #require(Fixtures.read(Fixtures.children.appendingPathComponent("\(name).bop")))
        let result = BopCompiler.compile(source)
        let text = Self.rendered(result)
        let url = Fixtures.children.appendingPathComponent("\(name).expected")
        if ProcessInfo.processInfo.environment["BOP_RECORD"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try #require(Fixtures.read(url), "missing golden \(url.path)")
        #expect(text == golden)
        if let timeline = result.timeline {
            #expect(TimelineInvariants.violations(timeline).isEmpty)
        }
    }

    /// Every fix offered to a child, applied, makes that problem go away; no message uses blame or jargon.
    @Test(arguments: names)
    func fixesWorkAndWordsAreKind(_ name: String) throws {
        let source = try #require(Fixtures.read(Fixtures.children.appendingPathComponent("\(name).bop")))
        let result = BopCompiler.compile(source)
        let banned = ["invalid", "illegal", "token", "parse", "syntax", "error", "非法", "语法", "错误"]
        for d in result.diagnostics {
            let text = (d.title + " " + d.message + " " + d.suggestion).lowercased()
            for word in banned { #expect(!text.contains(word), "\(name): \(word) in \(text)") }
            // A placeholder left unfilled would show the child `{fix}`.
            #expect(!text.contains("{") && !text.contains("}"), "\(name): \(text)")
            guard d.severity == .error, let fix = d.fixIt else { continue }
            let fixed = BopCompiler.compile(result.source.applying(fix))
            let same = fixed.diagnostics.contains {
                $0.kind == d.kind && $0.range.line == d.range.line && $0.severity == .error
            }
            #expect(!same, "\(name): the fix \(fix.replacement) did not remove \(d.id)")
        }
    }
}
