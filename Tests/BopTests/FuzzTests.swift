import Foundation
import FoundationEssentials
import Testing

@testable import Bop

/// Seeded fuzzing: random token soup, mutated examples and random valid programs. Bounded counts and fixed
/// seeds, so the run is the same every time. Bop must never crash, must locate every diagnostic inside the
/// text, and every timeline it makes must be well formed and within the kid limits.
@Suite struct FuzzTests {
    static let fastOptions = BopOptions(seed: 7, horizonSeconds: 60, stepBudget: 20_000)

    static let vocabulary: [String] = {
        var words: [String] = []
        for language in BopLanguages.all.values.sorted(by: { $0.code < $1.code }) {
            for spellings in language.keywords.values { words += spellings }
            words += language.phrases.keys
        }
        words += [
            "0", "3", "-5", "2.5", "0,5", "99999999999999999999999", "３", "三十", "sway", "size", "n", "x",
            "happy", "摇摆", "次数", "+", "-", "*", "/", "(", ")", "=", "!", "?", ",", ".", "#", "\"", "'", "「",
            "」", "“", "\u{200B}", "\u{200F}", "\u{0}", "🙂", "👍🏽", "\t", "é", "ｎｏｄ", "\"hi\"", "\"unclosed",
            "'don't'", "groovy", "simple", "nod", "end", "结束", "level", "1", "7", "100", "1000",
        ]
        return words.sorted()
    }()

    func pick<T>(_ items: [T], _ rng: inout SplitMix64) -> T {
        items[Int(rng.integer(in: 0, Int64(items.count - 1)))]
    }

    /// Invariants every result must satisfy, whatever the input.
    func checkInvariants(_ text: String, _ result: BopResult) {
        let source = result.source
        let lineCount = source.lines.count
        for d in result.diagnostics {
            let r = d.range
            let located =
                r.line >= 1 && r.line <= lineCount && r.endLine >= r.line && r.endLine <= lineCount
                && r.column >= 1 && r.column <= source.lineLength(r.line) + 1
                && r.endColumn >= 1 && r.endColumn <= source.lineLength(r.endLine) + 1
                && (r.endLine > r.line || r.endColumn >= r.column)
            #expect(located, "\(d.id) at \(r) outside the text:\n\(text.debugDescription)")
            #expect(!d.title.isEmpty && !d.message.isEmpty)
            if let fix = d.fixIt {
                #expect(fix.range.line >= 1 && fix.range.endLine <= lineCount, "fix outside the text")
            }
        }
        #expect((result.timeline == nil) == result.hasErrors, "timeline xor errors:\n\(text.debugDescription)")
        if let timeline = result.timeline {
            let problems = TimelineInvariants.violations(timeline)
            #expect(problems.isEmpty, "\(problems.prefix(3)) in\n\(text)")
        }
    }

    @Test(arguments: 0..<4)
    func tokenSoupNeverCrashes(_ batch: Int) {
        var rng = SplitMix64(seed: UInt64(1000 + batch))
        for _ in 0..<100 {
            var lines: [String] = []
            for _ in 0..<Int(rng.integer(in: 1, 12)) {
                let indent = String(repeating: " ", count: Int(rng.integer(in: 0, 4)))
                let words = (0..<Int(rng.integer(in: 0, 7))).map { _ in pick(Self.vocabulary, &rng) }
                lines.append(indent + words.joined(separator: rng.integer(in: 0, 3) == 0 ? "" : " "))
            }
            let separator = pick(["\n", "\r\n", "\r"], &rng)
            let text = lines.joined(separator: separator)
            checkInvariants(text, BopCompiler.compile(text, options: Self.fastOptions))
        }
    }

    @Test func mutatedExamplesNeverCrash() {
        var rng = SplitMix64(seed: 2024)
        let examples = Fixtures.examplePrograms().map(\.text)
        for round in 0..<250 {
            var lines = pick(examples, &rng).components(separatedBy: "\n")
            let i = Int(rng.integer(in: 0, Int64(max(0, lines.count - 1))))
            switch round % 7 {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2: lines.insert(pick(Self.vocabulary, &rng), at: i)
            case 3: lines = lines.filter { !$0.contains("end") && !$0.contains("结束") }
            case 4:
                var words = lines[i].split(separator: " ").map(String.init)
                if words.count > 1 { words.swapAt(0, words.count - 1) }
                lines[i] = words.joined(separator: " ")
            case 5:
                let chars = Array(lines.joined(separator: "\n"))
                let cut = Int(rng.integer(in: 0, Int64(chars.count)))
                lines = [String(chars[..<cut])]
            default: lines[i] = lines[i].replacingOccurrences(of: " ", with: "")
            }
            let text = lines.joined(separator: "\n")
            checkInvariants(text, BopCompiler.compile(text, options: Self.fastOptions))
        }
    }

    @Test func extremeInputsNeverCrash() {
        let inputs = [
            "", "\n\n\n", "end", String(repeating: "nod ", count: 3000),
            String(repeating: "repeat 2 times\n", count: 500),
            String(repeating: "(", count: 2000), "say \"" + String(repeating: "a", count: 10_000),
            "look left " + String(repeating: "9", count: 400), "\u{0}\u{0}nod",
            "重复" + String(repeating: "次", count: 500),
            String(repeating: "together\n", count: 300) + String(repeating: "end\n", count: 300),
            "level 0\n", "level -3\n", "level 2.5\n", "repeat -3 times\n  nod\nend\n", "look left 1e400",
            "define move a\n  b\nend\ndefine move b\n  a\nend\na\n", "forever\nend\n", "wait -5 seconds\n",
            "look left 10 in 0 seconds\n", "tempo 0\nnod\n", "speed -100\nnod\n", "turn left random 5 to -5\n",
            "set x to 1 / 3\nlook left x\n", "say \"a\" \"b\" 3 \"c\"\n",
        ]
        for text in inputs { checkInvariants(text, BopCompiler.compile(text, options: Self.fastOptions)) }
    }

    /// One junk line in a valid program gives errors on that line only; the rest still parses.
    @Test func errorsStayOnTheBrokenLine() {
        var rng = SplitMix64(seed: 99)
        for example in Fixtures.examplePrograms() {
            var lines = example.text.components(separatedBy: "\n")
            // After the level line (if any), anywhere.
            let at = Int(rng.integer(in: 2, Int64(max(2, lines.count - 1))))
            lines.insert("  xyzzy plugh", at: at)
            let result = BopCompiler.compile(lines.joined(separator: "\n"))
            let errorLines = Set(result.diagnostics.filter { $0.severity == .error }.map(\.range.line))
            #expect(errorLines == [at + 1], "\(example.name): errors on \(errorLines), junk on \(at + 1)")
        }
    }

    // MARK: Random valid programs

    /// Statements grouped by the body part they use, so `together` lines can be kept conflict-free.
    static func simple(_ category: Int, _ rng: inout SplitMix64) -> String {
        func n(_ low: Int64, _ high: Int64) -> Int64 { rng.integer(in: low, high) }
        let feel = ["", " smoothly", " gently", " bouncy", " snappy", " steady"]
        let f = feel[Int(n(0, 5))]
        switch category {
        case 0: return ["look left \(n(0, 250))", "look right \(n(0, 90))", "shake \(n(1, 3)) times"][Int(n(0, 2))] + f
        case 1:
            return ["look up \(n(0, 60))", "look down \(n(0, 60)) in \(n(1, 3)) seconds", "nod \(n(1, 4)) times"][
                Int(n(0, 2))] + f
        case 2: return "tilt \(n(0, 1) == 0 ? "left" : "right") \(n(0, 70))" + f
        case 3:
            return ["turn left \(n(0, 200))", "turn right \(n(0, 200)) for \(n(1, 4)) beats", "turn back"][Int(n(0, 2))]
        case 4:
            return [
                "wiggle antennas \(n(1, 5)) times", "lower antennas \(n(0, 150))", "raise left antenna \(n(0, 100))",
                "wiggle right antenna in 0.2 seconds",
            ][Int(n(0, 3))]
        case 5: return "say \"" + ["hi", "boom boom", "let's go now", "你好"][Int(n(0, 3))] + "\""
        case 6: return ["raise head \(n(0, 40))", "lower head \(n(0, 80))"][Int(n(0, 1))]
        default: return "wait \(n(0, 2)) beats"
        }
    }

    static func statement(_ depth: Int, _ rng: inout SplitMix64, moves: [String]) -> [String] {
        let choice = depth > 2 ? rng.integer(in: 0, 3) : rng.integer(in: 0, 12)
        switch choice {
        case 0, 1, 2: return [simple(Int(rng.integer(in: 0, 7)), &rng)]
        case 3:
            return [
                "dance "
                    + Dances.names[Int(rng.integer(in: 0, Int64(Dances.names.count - 1)))].replacingOccurrences(
                        of: "_", with: " ")
            ]
        case 4:
            var lines = ["repeat \(rng.integer(in: 0, 3)) times"]
            for _ in 0..<rng.integer(in: 1, 3) { lines += statement(depth + 1, &rng, moves: moves).map { "  " + $0 } }
            return lines + ["end"]
        case 5:
            var categories = Array(0...7)
            var lines = ["together"]
            for _ in 0..<rng.integer(in: 1, 4) {
                let c = categories.remove(at: Int(rng.integer(in: 0, Int64(categories.count - 1))))
                lines.append("  " + simple(c, &rng))
            }
            return lines + ["end"]
        case 6:
            var lines = ["mirror"]
            lines += statement(depth + 1, &rng, moves: moves).map { "  " + $0 }
            return lines + ["end"]
        case 7: return ["tempo \(rng.integer(in: 20, 260))"]
        case 8: return ["speed \(rng.integer(in: 10, 260))"]
        case 9: return moves.isEmpty ? ["nod"] : [moves[Int(rng.integer(in: 0, Int64(moves.count - 1)))]]
        case 10:
            var lines = ["pick one"]
            for _ in 0..<rng.integer(in: 1, 3) { lines += statement(depth + 1, &rng, moves: moves).map { "  " + $0 } }
            return lines + ["end"]
        case 11:
            return ["set x to random 1 to 5", "if x is more than 2"]
                + statement(depth + 1, &rng, moves: moves).map { "  " + $0 }
                + ["else", "  wait 1 beat", "end"]
        default: return ["turn left random 10 to 200"]
        }
    }

    @Test(arguments: 0..<3)
    func randomValidProgramsMakeSafeTimelines(_ batch: Int) {
        var rng = SplitMix64(seed: UInt64(500 + batch))
        for _ in 0..<60 {
            var lines: [String] = []
            var moves: [String] = []
            for m in 0..<rng.integer(in: 0, 2) {
                let name = "move\(m)"
                lines.append("define move \(name)")
                lines += Self.statement(2, &rng, moves: []).map { "  " + $0 }
                lines.append("end")
                moves.append(name)
            }
            for _ in 0..<rng.integer(in: 1, 10) { lines += Self.statement(0, &rng, moves: moves) }
            let text = lines.joined(separator: "\n") + "\n"
            let result = BopCompiler.compile(text, options: BopOptions(seed: UInt64(batch)))
            #expect(
                !result.hasErrors, "\(result.diagnostics.filter { $0.severity == .error }.map(\.message)) in\n\(text)")
            checkInvariants(text, result)
            // Determinism: the same program and seed give the same timeline.
            #expect(BopCompiler.compile(text, options: BopOptions(seed: UInt64(batch))).timeline == result.timeline)
        }
    }

    /// Durations add up on random programs: a sequence lasts the sum of its lines, `repeat n` n times its body,
    /// and `together` as long as its longest line. Lines are drawn from moves that end where they started, so
    /// each line's length does not depend on what came before.
    @Test func durationsAddUpOnRandomPrograms() throws {
        var rng = SplitMix64(seed: 4242)
        func line() -> String {
            switch rng.integer(in: 0, 5) {
            case 0: return "nod \(rng.integer(in: 1, 4)) times"
            case 1: return "shake \(rng.integer(in: 1, 3)) times in \(rng.integer(in: 1, 3)) seconds"
            case 2: return "wiggle antennas \(rng.integer(in: 1, 5)) times"
            case 3:
                return "dance "
                    + Dances.names[Int(rng.integer(in: 0, Int64(Dances.names.count - 1)))].replacingOccurrences(
                        of: "_", with: " ")
            case 4:
                return "say \"" + Array(repeating: "la", count: Int(rng.integer(in: 1, 6))).joined(separator: " ")
                    + "\""
            default: return "wait \(rng.integer(in: 0, 3)) beats"
            }
        }
        func duration(_ text: String) throws -> Rational {
            let result = BopCompiler.compile("tempo 100\n" + text)
            #expect(!result.hasErrors, "\(text)")
            return try #require(result.timeline).duration
        }
        for _ in 0..<40 {
            let lines = (0..<rng.integer(in: 1, 5)).map { _ in line() }
            let each = try lines.map { try duration($0 + "\n") }
            let sum = each.reduce(Rational.zero, +)
            #expect(try duration(lines.joined(separator: "\n") + "\n") == sum, "\(lines)")
            let n = rng.integer(in: 0, 4)
            let body = lines.map { "  " + $0 }.joined(separator: "\n")
            #expect(try duration("repeat \(n) times\n\(body)\nend\n") == Rational(n) * sum, "\(lines)")
        }
        // together: one line per body part, so they never share one.
        let parts = ["nod 3 times", "wiggle antennas 2 times", "say \"one two three\"", "turn left 40", "tilt left 15"]
        for _ in 0..<20 {
            let chosen = parts.filter { _ in rng.integer(in: 0, 1) == 1 }
            guard !chosen.isEmpty else { continue }
            let longest = try chosen.map { try duration($0 + "\n") }.max() ?? .zero
            let block = "together\n" + chosen.map { "  " + $0 }.joined(separator: "\n") + "\nend\n"
            #expect(try duration(block) == longest, "\(chosen)")
        }
    }
}
