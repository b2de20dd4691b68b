import Foundation
import ReachyTestSupport
import Testing

/// Long runs through the CLI on the virtual clock (`--virtual-time`): the whole sample digest (8 minutes of speech;
/// it used to crash at item 8 or 9 and write nothing) and a 10-minute `forever` program, each ending with its files
/// written. The timeouts are below the runs' real-time length, so they also check that virtual time is faster.
@Suite("Long runs on virtual time", .serialized)
struct VirtualTimeSoakTests {
    /// Seconds of audio in a 16-bit mono WAV file (its data chunk over the rate in the header).
    static func wavSeconds(_ path: String) throws -> Double {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let bytes = [UInt8](data)
        try #require(bytes.count > 44 && String(decoding: bytes[0..<4], as: UTF8.self) == "RIFF")
        func u32(_ i: Int) -> Int {
            Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24
        }
        let rate = u32(24)
        var offset = 12
        while offset + 8 <= bytes.count {
            let size = u32(offset + 4)
            if String(decoding: bytes[offset..<offset + 4], as: UTF8.self) == "data" {
                return Double(size) / Double(rate * 2)
            }
            offset += 8 + size
        }
        throw CocoaError(.fileReadCorruptFile)
    }

    @Test("the whole sample digest is recited: 9 items, the WAV, the record and the state written")
    func wholeRecital() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("soak-\(UUID().uuidString)")
        let digests = dir.appendingPathComponent("digests")
        try FileManager.default.createDirectory(at: digests, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(
            atPath: NewsCLI.sample, toPath: digests.appendingPathComponent("digest-2025-12-21.md").path)
        let wav = dir.appendingPathComponent("voice.wav").path
        let record = dir.appendingPathComponent("record.json").path
        let state = dir.appendingPathComponent("state.json").path
        let out = try ReachyExecutable.run(
            [
                "news", "recite", "--unread", "--dir", digests.path, "--state", state, "--catch-up-days", "3650",
                "--sim", "--virtual-time", "--wav", wav, "--record", record,
            ], timeout: 420)
        #expect(out.status == 0, "\(out.stderr.suffix(2000))")
        #expect(out.stderr.contains("Item 9/9: "))
        #expect(out.stderr.contains("Outro."))

        let seconds = try Self.wavSeconds(wav)
        #expect(seconds > 400, "the sample is about 8 minutes of speech; the WAV has \(seconds) s")
        let doc = try CLIRunner.json(try String(contentsOfFile: record, encoding: .utf8))
        let segments = try #require(doc["segments"] as? [[String: Any]])
        #expect(segments.count == 11)  // intro, 9 items, outro
        #expect(segments.allSatisfy { ($0["skipped"] as? Bool) == false })
        let motion = try #require(doc["motion"] as? [[String: Any]])
        let lastTime = try #require(motion.last?["time"] as? Double)
        #expect(abs(lastTime - seconds) < 5, "motion recorded for \(lastTime) s of \(seconds) s of speech")
        // The recital kept its pace: each segment started within a second of its place in the audio (each segment
        // waits for its motion's last tick, about 30 ms, so the outro starts ~0.3 s after its planned time).
        let events = try #require(doc["events"] as? [[String: Any]])
        for event in events where event["kind"] as? String == "segment" {
            let time = try #require(event["time"] as? Double)
            let planned = try #require(event["planned"] as? Double)
            #expect(abs(time - planned) < 1, "segment \(event["name"] ?? "?") at \(time) s, planned \(planned) s")
        }
        let saved = try String(contentsOfFile: state, encoding: .utf8)
        #expect(saved.contains("digest-2025-12-21.md"))
    }

    @Test("a 10-minute forever program ended by stop plays to its end, with its sound and its recording")
    func tenMinuteForever() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("soak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let program = dir.appendingPathComponent("forever.bop")
        try """
        level 6
        set rounds to 0
        forever
          nod
          look left 20
          look right 20
          look ahead
          wiggle antennas
          say "again"
          change rounds by 1
          if rounds is 140
            stop
          end
        end
        say "All done!"
        """.write(to: program, atomically: true, encoding: .utf8)
        let timeline = try ReachyExecutable.run(["timeline", program.path, "--json"])
        let duration = try #require(try CLIRunner.json(timeline.stdout)["duration"] as? Double)
        #expect(duration > 540 && duration < 600, "the program lasts \(duration) s")

        let wav = dir.appendingPathComponent("out.wav").path
        let record = dir.appendingPathComponent("out.json").path
        let out = try ReachyExecutable.run(
            ["run", program.path, "--sim", "--virtual-time", "--wav", wav, "--record", record], timeout: 420)
        #expect(out.status == 0, "\(out.stderr.suffix(2000))")
        #expect(out.stderr.contains("▶ line 15: say \"All done!\""))
        #expect(out.stderr.contains("Done."))
        #expect(abs(try Self.wavSeconds(wav) - duration) < 1)
        let doc = try CLIRunner.json(try String(contentsOfFile: record, encoding: .utf8))
        let times = try #require(doc["time"] as? [Double])
        let last = try #require(times.last)
        #expect(abs(last - duration) < 1.5, "recorded \(last) s of a \(duration) s program")
        let joints = try #require(doc["joints"] as? [[Double]])
        let first = try #require(joints.first)
        #expect(joints.contains { zip($0, first).contains { abs($0 - $1) > 0.1 } }, "nothing moved")
        #expect(joints.suffix(500).contains { zip($0, first).contains { abs($0 - $1) > 0.1 } }, "still at the end")
    }
}
