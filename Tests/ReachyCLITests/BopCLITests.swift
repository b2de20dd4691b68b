import Foundation
import ReachyTestSupport
import Testing

/// `reachy check` and `reachy timeline` run as a child would run them: the built binary, full output, exit status.
@Suite struct BopCLITests {
    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs the built `reachy`; with `program`, writes it to a temporary .bop file and appends its path.
    func run(_ arguments: [String], program: String? = nil) throws -> Run {
        var arguments = arguments
        if let program {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("bop-cli-\(UUID().uuidString).bop")
            try program.write(to: file, atomically: true, encoding: .utf8)
            arguments.append(file.path)
        }
        let result = try CLIRunner.run(arguments)
        return Run(status: result.status, out: result.stdout, err: result.stderr)
    }

    @Test func checkAGoodProgram() throws {
        let r = try run(["check"], program: "say \"hello\"\nnod\n")
        #expect(r.status == 0)
        #expect(r.out == "No problems found. Ready to dance!\n")
    }

    @Test func checkABrokenProgramShowsTheCaretView() throws {
        let r = try run(["check"], program: "nod\nnodd 3 times\n")
        #expect(r.status == 1)
        #expect(
            r.out == """
                ── I DON'T KNOW THAT WORD ─────────────────────────────── line 2
                2│ nodd 3 times
                   ^^^^
                I don't know how to `nodd`.
                Did you mean `nod`?

                1 error(s), 0 warning(s), 0 note(s)

                """)
    }

    @Test func checkWarningsDoNotFail() throws {
        let r = try run(["check"], program: "look left 200\n")
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("⚠ ── THAT'S TOO FAR FOR ME"))
        #expect(r.out.hasSuffix("0 error(s), 1 warning(s), 0 note(s)\n"))
    }

    @Test func checkJSON() throws {
        let r = try run(["check", "--json"], program: "repeat 3\n  nod\nend\n")
        #expect(r.status == 1)
        #expect(
            r.out == """
                [
                  {"id": "missing-word", "severity": "error", "line": 1, "column": 9, "end_line": 1, "end_column": 9, \
                "title": "A WORD IS MISSING", "message": "After `repeat 3` I expected the word `times`.", \
                "suggestion": "Can you try:  repeat 3 times", "fix": {"line": 1, "column": 9, "end_line": 1, \
                "end_column": 9, "replacement": " times"}}
                ]

                """)
    }

    @Test func checkInChinese() throws {
        let r = try run(["check"], program: "重复 3 此\n  点头\n结束\n")
        #expect(r.status == 1)
        #expect(r.out.contains("你是想写“次”吗？"))
        #expect(r.out.hasSuffix("1 个错误，0 个警告，0 个提示\n"))
    }

    @Test func timelineText() throws {
        let r = try run(["timeline"], program: "tempo 110\nnod twice\n")
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n")
        #expect(lines.first == "# bop-timeline v1  level=6  language=en  seed=1  total=1.091s (12/11)")
        #expect(lines.count == 6)
        #expect(lines[2] == "    0.000    0.273  head      head.pitch       0.000     15.000  minjerk      L2")
    }

    @Test func timelineJSON() throws {
        let r = try run(["timeline", "--json", "--seed", "5"], program: "say \"hi\"\nlook left 30\n")
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(object["seed"] as? Int == 5)
        #expect(object["duration_exact"] as? String == "11/10")
        let segments = try #require(object["segments"] as? [[String: Any]])
        #expect(segments.count == 2)
        #expect(segments[0]["track"] as? String == "voice" && segments[0]["text"] as? String == "hi")
        #expect(segments[1]["axis"] as? String == "head.yaw" && segments[1]["to"] as? Int == 30)
        #expect(segments[1]["start_exact"] as? String == "3/5")
    }

    @Test func timelineCSVAtFiftyHertz() throws {
        let r = try run(["timeline", "--csv"], program: "look left 30 steady\n")
        #expect(r.status == 0)
        let rows = r.out.split(separator: "\n")
        #expect(rows.count == 27)  // header + 0.00 … 0.50 s
        #expect(
            rows[0]
                == "time,head.roll,head.pitch,head.yaw,head.x,head.y,head.z,body.yaw,antenna.right,antenna.left,head.yaw.world"
        )
        #expect(rows[26] == "0.50,0.000,0.000,30.000,0.00000,0.00000,0.00000,0.000,0.000,0.000,30.000")
    }

    @Test func timelineOfABrokenProgramFails() throws {
        let r = try run(["timeline"], program: "look\n")
        #expect(r.status == 1)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("WHICH WAY?"))
    }

    @Test func missingFileAndConflictingFlags() throws {
        let missing = try run(["check", "/nonexistent/dance.bop"])
        #expect(missing.status == 64)
        #expect(missing.err.contains("I can't read the file '/nonexistent/dance.bop'. Check that the path is right"))
        let both = try run(["timeline", "--json", "--csv"], program: "nod\n")
        #expect(both.status == 64)
        #expect(both.err.contains("Choose either --json or --csv, not both."))
    }
}
