import Foundation
import ReachyMotion
import ReachyTestSupport
import Testing

/// `reachy run` on the built-in simulator: the built binary, full output, exit status, recorded frames and WAV.
@Suite(.serialized) struct BopRunTests {
    static let repository = RepositoryPaths.root

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("bop-run-\(UUID().uuidString)-\(name)").path
    }

    static func program(_ text: String) throws -> String {
        let path = temporary("program.bop")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The recording's joint vectors ([body, s1…s6, right, left]) and head poses.
    static func recording(_ path: String) throws -> (joints: [[Double]], heads: [HeadPose], times: [Double]) {
        let json = try CLIRunner.json(try String(contentsOfFile: path, encoding: .utf8))
        let joints = try #require(json["joints"] as? [[Double]])
        let times = try #require(json["time"] as? [Double])
        let frames = try #require(json["set_target_data"] as? [[String: Any]])
        let heads = try frames.map { frame -> HeadPose in
            let rows = try #require(frame["head"] as? [[Double]])
            return try HeadPose(rows: rows)
        }
        return (joints, heads, times)
    }

    static func expectWithinLimits(_ joints: [[Double]]) {
        let limits = SafetyLimits.reachyMini
        for vector in joints {
            #expect(vector.count == 9)
            for (motor, value) in zip(ReachyMotor.allCases, vector) {
                #expect(limits.range(of: motor).contains(value), "\(motor.name) \(value)")
            }
        }
    }

    @Test("A Chinese program's run says what it wrote in Chinese, and its replay page is Chinese")
    func chineseRunWritesInChinese() throws {
        let program = Self.temporary("中文.bop")
        try "向左看\n点头\n".write(toFile: program, atomically: true, encoding: .utf8)
        let out = Self.temporary("zh.json")
        let html = Self.temporary("zh.html")
        let r = try CLIRunner.run(["run", program, "--sim", "--virtual-time", "--record", out, "--html", html])
        #expect(r.status == 0, "\(r.stderr)")
        let count = try Self.recording(out).times.count
        #expect(r.stderr.hasSuffix("演完啦。\n已把 \(count) 个姿势写进 \(out)。\n已把 \(count) 个姿势的回放写进 \(html)。\n"), "\(r.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<html lang=\"zh\">") && page.contains(">播放<"))
    }

    @Test("A level-1 example runs on the simulator, and the recording shows the head doing what it says")
    func levelOneExample() throws {
        let out = Self.temporary("peek.json")
        let r = try CLIRunner.run(
            ["run", "examples/bop/15-peek-left.bop", "--sim", "--virtual-time", "--record", out].map {
                $0.hasPrefix("examples/") ? Self.repository.appendingPathComponent($0).path : $0
            })
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "")
        #expect(r.stderr.contains("▶ line 3: tilt left\n▶ line 4: look left\n"))
        #expect(r.stderr.hasSuffix("Done.\nWrote \(try Self.recording(out).times.count) samples to \(out).\n"))
        let rec = try Self.recording(out)
        #expect(rec.times.count >= 45)  // 1 s at 50 Hz, give or take the end
        Self.expectWithinLimits(rec.joints)
        // tilt left = −roll (20°), look left = +yaw (30°) — docs/motion.md conventions.
        let end = try #require(rec.heads.last).euler
        #expect(abs(end.yaw * 180 / .pi - 30) < 1.5)
        #expect(abs(end.roll * 180 / .pi + 20) < 1.5)
        // Halfway, the head has tilted but not yet turned.
        let middle = rec.heads[rec.heads.count / 2].euler
        #expect(middle.roll * 180 / .pi < -15 && abs(middle.yaw * 180 / .pi) < 5)
        // The recording is a recorded move `reachy play` replays.
        let replay = try CLIRunner.run(["play", out, "--sim", "--virtual-time"])
        #expect(replay.status == 0, "\(replay.stderr)")
    }

    @Test("A broken program prints its problems, exits 1 and moves nothing")
    func brokenProgram() throws {
        let out = Self.temporary("broken.json")
        let path = try Self.program("level 1\nlook lef\n")
        let r = try CLIRunner.run(["run", path, "--sim", "--record", out])
        let check = try CLIRunner.run(["check", path])
        #expect(r.status == 1)
        #expect(r.stdout == check.stdout)
        #expect(r.stdout.contains("left"))
        #expect(r.stderr == "")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("A program over the step budget gets the friendly message, exits 1 and moves nothing")
    func stepBudget() throws {
        let path = try Self.program("level 2\nrepeat 300000 times\n  wait 0 seconds\nend\n")
        let r = try CLIRunner.run(["run", path, "--sim"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("THAT'S A LOT OF WORK"))
        #expect(r.stdout.contains("I stopped after 200000 steps because this program kept me too busy."))
        #expect(r.stderr == "")
    }

    @Test("say makes a non-silent WAV of plausible length")
    func sayWritesSpeech() throws {
        let wav = Self.temporary("say.wav")
        let path = try Self.program("level 1\nsay hello there my friend\n")
        let r = try CLIRunner.run(["run", path, "--sim", "--virtual-time", "--wav", wav])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("▶ line 2: say hello there my friend\n"))
        let data = try Data(contentsOf: URL(fileURLWithPath: wav))
        #expect(data.count > 44)
        #expect(String(decoding: data.prefix(4), as: UTF8.self) == "RIFF")
        let pcm = data.dropFirst(44)
        let samples = stride(from: pcm.startIndex, to: pcm.endIndex - 1, by: 2).map {
            Int16(bitPattern: UInt16(pcm[$0]) | UInt16(pcm[$0 + 1]) << 8)
        }
        let rate = Int(data[24]) | Int(data[25]) << 8 | Int(data[26]) << 16
        let seconds = Double(samples.count) / Double(rate)
        // Five words: the timeline plans 2/5 s each + 1/5 s (2.2 s); espeak says them in about a second or two.
        #expect(seconds > 0.8 && seconds < 4, "\(seconds) s")
        #expect((samples.map { abs(Int($0)) }.max() ?? 0) > 3_000)
        let loud = samples.filter { abs(Int($0)) > 500 }.count
        #expect(Double(loud) / Double(rate) > 0.2)
    }

    @Test("An over-fast, over-far program plays with warnings and every recorded joint stays within limits")
    func tooFastTooFar() throws {
        let out = Self.temporary("fast.json")
        let path = try Self.program(
            "level 2\nlook left 90 degrees in 0.1 seconds\ntilt right 80 degrees in 0.1 seconds\n"
                + "lower antennas 170 degrees in 0.1 seconds\nturn right 170 degrees in 0.2 seconds\n")
        let r = try CLIRunner.run(["run", path, "--sim", "--virtual-time", "--record", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("THAT'S TOO FAR FOR ME ─"))
        #expect(r.stderr.contains("I SLOWED THAT DOWN ─"))
        #expect(r.stderr.contains("2│ look left 90 degrees in 0.1 seconds"))
        let rec = try Self.recording(out)
        Self.expectWithinLimits(rec.joints)
        // The body turned right, within the kid limit of 120°.
        let body = try #require(rec.joints.last?.first)
        #expect(body < -1.5 && body > -(120 * Double.pi / 180) - 0.02)
    }

    @Test("SIGINT while running stops safely with exit status 130")
    func interrupt() throws {
        let path = try Self.program("level 2\nrepeat 20 times\n  nod\n  shake\nend\n")
        let process = Process()
        process.executableURL = try CLIRunner.executable()
        process.arguments = ["run", path, "--sim"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 3)
        process.interrupt()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(stderr.contains("▶ line 3: nod\n"))
        #expect(stderr.contains("Interrupted (SIGINT): stopping safely (sleep)…\n"))
        #expect(stderr.hasSuffix("The robot is in its sleep pose with the motors off.\n"))
        #expect(!stderr.contains("Done."))
    }
}
