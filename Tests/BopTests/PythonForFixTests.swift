import Foundation
import Testing

@testable import Bop

/// A Python `for … in range(…)` line gets a Fix-it that turns the line and the lines indented under it into a
/// `repeat` block with its `end`: applied, the program runs and repeats as many times as Python would.
@Suite struct PythonForFixTests {
    @Test(arguments: [
        ("for i in range(3):\n  nod\n", 3), ("for i in range(1, 4):\n    nod\n", 3),
        ("for i in range(0, 10, 2):\n  nod\n  wiggle antennas\n", 5),
        ("for n in range(2):\n  nod\n\nsay \"done\"\n", 2),
    ])
    func theFixMakesARepeatBlock(_ text: String, _ times: Int) throws {
        let result = BopCompiler.compile("level 6\n" + text)
        let diagnostic = try #require(result.diagnostics.first { $0.kind == .anotherWay })
        let fix = try #require(diagnostic.fixIt, "\(diagnostic)")
        #expect(diagnostic.suggestion.contains("repeat \(times) times"))
        let fixed = BopCompiler.compile(result.source.applying(fix))
        #expect(!fixed.hasErrors, "\(fixed.diagnostics)")
        let timeline = try #require(fixed.timeline)
        // Line 3 (the first line inside) plays as many times as Python's loop would go round.
        let once = try #require(BopCompiler.compile("nod\n").timeline).segments.count
        #expect(once > 0)
        #expect(timeline.segments.filter { $0.line == 3 }.count == times * once)
        // The lines after the block (`say "done"`) stay after it, outside the repeat.
        if text.contains("done") { #expect(fixed.source.text.hasSuffix("end\n\nsay \"done\"\n")) }
        #expect(fixed.source.text.contains("repeat \(times) times\n"))
    }

    @Test func aChineseProgramGetsTheChineseBlock() throws {
        let result = BopCompiler.compile("等级 6\nfor i in range(2):\n  点头\n")
        let fix = try #require(result.diagnostics.first { $0.kind == .anotherWay }?.fixIt)
        #expect(fix.replacement == "重复 2 次\n  点头\n结束")
        #expect(!BopCompiler.compile(result.source.applying(fix)).hasErrors)
    }

    /// Below the level of `repeat`, or with nothing indented under the line, no Fix-it is offered.
    @Test(arguments: ["level 1\nfor i in range(3):\n  nod\n", "level 6\nfor i in range(3):\nnod\n"])
    func noFixWhereItCannotWork(_ text: String) {
        let diagnostic = BopCompiler.compile(text).diagnostics.first { $0.kind == .anotherWay }
        #expect(diagnostic != nil)
        #expect(diagnostic?.fixIt == nil)
    }

    @Test func pythonRangeCounts() {
        #expect(Parser.rangeCount([3]) == 3)
        #expect(Parser.rangeCount([1, 4]) == 3)
        #expect(Parser.rangeCount([0, 10, 3]) == 4)
        #expect(Parser.rangeCount([0]) == nil)
        #expect(Parser.rangeCount([5, 2]) == nil)
        #expect(Parser.rangeCount([]) == nil)
    }
}
