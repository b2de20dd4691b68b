import Foundation
import Testing

@testable import Bop

/// Every ```bop example in the children's guides (English and Chinese) must run without errors at the level
/// of the section it is in, and without warnings: what the guide shows is what Reachy does.
@Suite struct GuideSnippetTests {
    struct Snippet: CustomStringConvertible, Sendable {
        var file: String
        var level: Int
        var code: String
        var description: String { "\(file) L\(level): \(code.prefix(30))" }
    }

    static func snippets(_ file: String) -> [Snippet] {
        let url = Fixtures.repository.appendingPathComponent("docs/bop/\(file)")
        guard let text = Fixtures.read(url) else { return [] }
        var result: [Snippet] = []
        var level = 1
        var inBlock = false
        var code: [String] = []
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("## ") {
                let digits = line.compactMap { $0.wholeNumberValue }
                if let first = digits.first, (1...6).contains(first), line.contains("Level") || line.contains("级") {
                    level = first
                }
            }
            if line == "```bop" {
                inBlock = true
                code = []
            } else if line == "```" && inBlock {
                inBlock = false
                result.append(Snippet(file: file, level: level, code: code.joined(separator: "\n") + "\n"))
            } else if inBlock {
                code.append(line)
            }
        }
        return result
    }

    static let all = snippets("guide.md") + snippets("guide.zh.md")

    /// Names used across sections of the guide (taught in an earlier snippet).
    static func prelude(_ snippet: Snippet) -> String {
        let chinese = snippet.file.contains("zh")
        var lines: [String] = []
        if snippet.level >= 4 && !snippet.code.contains(chinese ? "定义动作 摇摆" : "define move sway") {
            lines.append(chinese ? "定义动作 摇摆\n  向左歪头\n结束" : "define move sway\n  tilt left\nend")
        }
        if snippet.level >= 5 {
            lines.append(chinese ? "设 大小 为 10\n设 圈数 为 0" : "set size to 10\nset rounds to 0")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    @Test func guidesHaveManyExamples() {
        #expect(Self.snippets("guide.md").count >= 30)
        #expect(Self.snippets("guide.zh.md").count >= 25)
    }

    @Test(arguments: all)
    func snippetRuns(_ snippet: Snippet) {
        let header = snippet.code.hasPrefix("level") || snippet.code.hasPrefix("等级") ? "" : "level \(snippet.level)\n"
        let program = header + Self.prelude(snippet) + snippet.code
        let result = BopCompiler.compile(program)
        // A snippet that only shows the `level` line has nothing to do, and says so.
        let onlyLevel = result.program.statements.isEmpty && result.diagnostics.map(\.kind) == [.nothingToDo]
        #expect(
            result.diagnostics.isEmpty || onlyLevel,
            "\(snippet): \(result.diagnostics.map { "\($0.id): \($0.message)" })")
    }
}
