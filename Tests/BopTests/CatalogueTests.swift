import Foundation
import Testing

@testable import Bop

/// The error-message catalogue: broken programs children really make, each with the diagnostic (ID,
/// position, title, suggestion) Bop must give. Data: Tests/BopFixtures/catalogue/broken-programs.txt.
@Suite struct CatalogueTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var source: String
        var expected: [(id: String, line: Int, column: Int, title: String, suggestion: String)]
        var description: String { name }
    }

    static func cases() -> [Case] {
        guard let text = Fixtures.read(Fixtures.catalogue) else { return [] }
        var result: [Case] = []
        for block in text.components(separatedBy: "\n=== ").dropFirst() {
            let lines = block.components(separatedBy: "\n")
            guard let name = lines.first else { continue }
            var source: [String] = []
            var expected: [(String, Int, Int, String, String)] = []
            for line in lines.dropFirst() {
                if line.hasPrefix("--- ") {
                    let parts = line.dropFirst(4).components(separatedBy: " | ")
                    let head = parts[0].components(separatedBy: " ")
                    let position = head[1].components(separatedBy: ":")
                    expected.append(
                        (
                            head[0], Int(position[0]) ?? 0, Int(position[1]) ?? 0, parts[1],
                            parts.count > 2 ? parts[2] : ""
                        ))
                } else {
                    source.append(line)
                }
            }
            while source.last == "" { source.removeLast() }
            result.append(Case(name: name, source: source.joined(separator: "\n") + "\n", expected: expected))
        }
        return result
    }

    @Test func catalogueHasAtLeastFortyPrograms() {
        let cases = Self.cases()
        #expect(cases.count >= 40)
        #expect(cases.allSatisfy { !$0.expected.isEmpty })
        // Distinct kinds of diagnostic covered.
        #expect(Set(cases.flatMap { $0.expected.map(\.id) }).count >= 35)
    }

    @Test(arguments: cases())
    func brokenProgramGetsItsDiagnostic(_ c: Case) {
        let result = BopCompiler.compile(c.source)
        for e in c.expected {
            let match = result.diagnostics.first {
                $0.id == e.id && $0.range.line == e.line && $0.range.column == e.column
            }
            #expect(
                match != nil,
                "\(c.name): no \(e.id) at \(e.line):\(e.column); got \(result.diagnostics.map { "\($0.id) \($0.range.line):\($0.range.column)" })"
            )
            #expect(match?.title == e.title, "\(c.name)")
            #expect(match?.suggestion == e.suggestion, "\(c.name)")
        }
        // An error means no timeline; a warning alone keeps it.
        #expect(result.hasErrors == (result.timeline == nil), "\(c.name)")
    }

    /// Every offered fix, applied to the program, makes that diagnostic go away (Hedy's re-parse check).
    @Test(arguments: cases())
    func fixItsFixTheProblem(_ c: Case) {
        let result = BopCompiler.compile(c.source)
        for d in result.diagnostics where d.severity == .error {
            guard let fix = d.fixIt else { continue }
            let fixed = BopCompiler.compile(result.source.applying(fix))
            let same = fixed.diagnostics.contains {
                $0.id == d.id && $0.range.line == d.range.line && $0.severity == .error
            }
            #expect(!same, "\(c.name): fix \(fix.replacement) did not remove \(d.id)")
        }
    }

    /// Messages never blame and never use jargon, and never suggest the word the child already wrote.
    @Test(arguments: cases())
    func messagesAreKind(_ c: Case) {
        let banned = ["invalid", "illegal", "token", "parse", "syntax", "error", "非法", "语法"]
        for d in BopCompiler.compile(c.source).diagnostics {
            let text = (d.title + " " + d.message + " " + d.suggestion).lowercased()
            for word in banned { #expect(!text.contains(word), "\(c.name): \(word) in \(text)") }
            if let fix = d.fixIt, fix.range.line == fix.range.endLine {
                let chars = Array(SourceText(c.source).line(fix.range.line))
                let start = max(0, fix.range.column - 1)
                let end = min(chars.count, max(start, fix.range.endColumn - 1))
                #expect(String(chars[start..<end]) != fix.replacement, "\(c.name): suggests the same word")
            }
        }
    }
}
