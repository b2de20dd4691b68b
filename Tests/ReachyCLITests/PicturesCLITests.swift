import Foundation
import ReachyTestSupport
import Testing

/// `reachy render`, `reachy timeline --svg`, `reachy run --html` and `reachy record --html`, run as a user would.
@Suite("reachy render / timeline --svg / --html replays") struct PicturesCLITests {
    static let repository = RepositoryPaths.root

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pictures-\(UUID().uuidString)-\(name)").path
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("render writes front and side views with six arms and rods each")
    func renderNeutral() throws {
        let out = Self.temporary("pose.svg")
        let r = try CLIRunner.run(["render", "--pitch", "10", "--degrees", "--antennas=20,-20", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "Wrote \(out) (front and side views).\n")
        #expect(r.stderr == "")
        let svg = try Self.read(out)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(Self.count("<line class=\"arm\"", in: svg) == 12)
        #expect(Self.count("<line class=\"rod\"", in: svg) == 12)
        #expect(Self.count("<line class=\"antenna\"", in: svg) == 4)
        #expect(svg.contains("data-view=\"front\"") && svg.contains("data-view=\"side\""))
        #expect(!svg.contains("class=\"note\""))
    }

    @Test("render prints and draws the same clamps as ik")
    func renderClamped() throws {
        let out = Self.temporary("clamped.svg")
        let ik = try CLIRunner.run(["ik", "--roll", "-50", "--degrees"])
        let clampLines = ik.stdout.split(separator: "\n").filter { $0.hasPrefix("clamped ") }.map(String.init)
        #expect(clampLines.count == 1)
        let r = try CLIRunner.run(["render", "--roll", "-50", "--degrees", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == clampLines.map { $0 + "\n" }.joined() + "Wrote \(out) (front and side views).\n")
        #expect(
            clampLines.first == "clamped head.roll: requested -0.8726646259971648, applied -0.6981317007977318")
        let svg = try Self.read(out)
        #expect(svg.contains("The safety limits changed this pose; drawn as the robot would take it:"))
        for line in clampLines { #expect(svg.contains(">\(line)</text>")) }
    }

    @Test("render refuses an unreachable pose like ik, and writes nothing")
    func renderUnreachable() throws {
        let out = Self.temporary("far.svg")
        let ik = try CLIRunner.run(["ik", "--x", "0.08"])
        let r = try CLIRunner.run(["render", "--x", "0.08", "--out", out])
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == ik.stderr)
        #expect(r.stderr.hasPrefix("Error: Refusing to move: head pose (x 80 mm"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("render checks its file name and antenna values")
    func renderBadArguments() throws {
        let r = CLIRunner.parse(["render", "--out", "pose.png"])
        #expect(r.status == 64)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("Error: --out must name a .svg file (got \"pose.png\").\n"))
        let a = CLIRunner.parse(["render", "--antennas", "1", "--out", "x.svg"])
        #expect(a.status == 64)
        #expect(a.stderr.hasPrefix("Error: Expected 2 antenna angles (right left), got 1.\n"))
        let missing = CLIRunner.parse(["render"])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("Error: Missing expected argument '--out <file.svg>'\n"))
    }

    @Test("render --help lists the pose flags, --antennas and --out")
    func renderHelp() throws {
        let r = try CLIRunner.run(["render", "--help"])
        #expect(r.status == 0)
        #expect(
            r.stdout.contains("OVERVIEW: Draw the robot in a head pose as an SVG picture (front and side\nviews).\n"))
        #expect(r.stdout.contains("USAGE: reachy render [--x <x>] [--y <y>] [--z <z>]"))
        #expect(r.stdout.contains("--antennas <R L>"))
        #expect(r.stdout.contains("--out <file.svg>"))
        #expect(r.stdout.contains("The SVG file to write."))
        let root = try CLIRunner.run(["--help"])
        #expect(root.stdout.contains("KINEMATICS AND PICTURES SUBCOMMANDS:"))
        #expect(root.stdout.contains("  render "))
    }

    @Test("timeline, run and record --help describe --svg and --html")
    func helpTexts() throws {
        let timeline = try CLIRunner.run(["timeline", "--help"])
        #expect(timeline.status == 0)
        #expect(
            timeline.stdout.contains("  --svg <out.svg>         Draw the timeline as an SVG picture into this file"))
        let run = try CLIRunner.run(["run", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("  --html <out.html>       Write a self-contained HTML page replaying the run"))
        let record = try CLIRunner.run(["record", "--help"])
        #expect(record.status == 0)
        #expect(record.stdout.contains("  --html <out.html>       Also write a self-contained HTML page replaying the"))
        let bench = try CLIRunner.run(["bench", "pictures", "--help"])
        #expect(bench.status == 0)
        #expect(bench.stdout.hasPrefix("OVERVIEW: Benchmark the pictures: a 10-minute recording to an HTML replay,"))
    }

    @Test("timeline --svg draws one lane per part and says what it wrote")
    func timelineSVG() throws {
        let out = Self.temporary("timeline.svg")
        let program = Self.repository.appendingPathComponent("examples/bop/02-sizes-and-repeat.bop").path
        let json = try CLIRunner.json(try CLIRunner.run(["timeline", program, "--json"]).stdout)
        let segments = try #require(json["segments"] as? [[String: Any]])
        let duration = try #require(json["duration"] as? Double)
        let r = try CLIRunner.run(["timeline", program, "--svg", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "Wrote \(out) (\(segments.count) moves over \(String(format: "%.2f", duration)) s).\n")
        let svg = try Self.read(out)
        for track in ["head", "antennas", "body", "voice", "sound"] {
            #expect(Self.count("<g class=\"lane\" data-track=\"\(track)\">", in: svg) == 1)
        }
        #expect(Self.count("<rect class=\"segment\"", in: svg) == segments.count)
        let bad = CLIRunner.parse(["timeline", program, "--svg", out, "--json"])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("Error: --svg writes a picture; leave out --json and --csv.\n"))
    }

    @Test("run --sim --html replays every recorded sample, with the sound when there is some")
    func runHTML() throws {
        let html = Self.temporary("run.html")
        let record = Self.temporary("run.json")
        let path = Self.temporary("say.bop")
        try "level 1\nsay hello\nnod\n".write(toFile: path, atomically: true, encoding: .utf8)
        let wav = Self.temporary("run.wav")
        let r = try CLIRunner.run([
            "run", path, "--sim", "--virtual-time", "--record", record, "--html", html, "--wav", wav,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let samples = try #require(try CLIRunner.json(try Self.read(record))["time"] as? [Double]).count
        #expect(r.stderr.hasSuffix("Wrote the replay of \(samples) samples with sound to \(html).\n"))
        let page = try Self.read(html)
        #expect(page.contains("data-samples=\"\(samples)\""))
        #expect(!page.contains("http://") && !page.contains("https://"))
        let sound = try Data(contentsOf: URL(fileURLWithPath: wav))
        #expect(page.contains("src=\"data:audio/wav;base64,\(sound.base64EncodedString())\""))

        let quietProgram = Self.temporary("nod.bop")
        try "level 1\nnod\n".write(toFile: quietProgram, atomically: true, encoding: .utf8)
        let quiet = Self.temporary("quiet.html")
        let q = try CLIRunner.run(["run", quietProgram, "--sim", "--virtual-time", "--html", quiet])
        #expect(q.status == 0, "\(q.stderr)")
        #expect(q.stderr.contains("Wrote the replay of "))
        #expect(!(try Self.read(quiet)).contains("<audio"))
        let bad = CLIRunner.parse(["run", quietProgram, "--sim", "--html", "x.htm"])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("Error: --html must name a .html file (got \"x.htm\").\n"))
    }

    @Test("record --sim --html writes a replay page; record needs --out or --html")
    func recordHTML() throws {
        let html = Self.temporary("rec.html")
        let r = try CLIRunner.run(["record", "--sim", "--html", html, "--seconds", "0.3", "--sample-rate", "20"])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try Self.read(html)
        let count = try #require(
            r.stderr.split(separator: "\n").last.flatMap { line -> Int? in
                let words = line.split(separator: " ")
                return words.count > 4 ? Int(words[4]) : nil
            })
        #expect(r.stderr.hasSuffix("Wrote the replay of \(count) samples to \(html).\n"))
        #expect(page.contains("data-samples=\"\(count)\""))
        #expect(!page.contains("<audio"))
        let none = CLIRunner.parse(["record", "--sim", "--seconds", "1"])
        #expect(none.status == 64)
        #expect(none.stderr.hasPrefix("Error: Give --out file.json (or .csv), --html file.html, or both.\n"))
    }
}
