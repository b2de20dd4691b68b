import Foundation
import ReachyTestSupport
import Testing

/// `reachy news recite` on the simulator, `reachy news daily` with a test clock, and `reachy demo --sim`.
@Suite("reachy news on the robot (simulator)", .serialized)
struct NewsRobotCLITests {
    private func sampleDirectory() throws -> URL {
        let dir = try NewsCLI.temporaryDirectory()
        let digests = dir.appendingPathComponent("digests")
        try FileManager.default.createDirectory(at: digests, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: NewsCLI.sample, toPath: digests.appendingPathComponent("digest-2025-12-21.md").path)
        return dir
    }

    @Test("recite --sim plays the items in order with their speech events and keeps every goal inside the limits")
    func reciteOnSimulator() throws {
        let dir = try NewsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wav = dir.appendingPathComponent("voice.wav").path
        let record = dir.appendingPathComponent("record.json").path
        let planFile = dir.appendingPathComponent("plan.json").path
        let plan = try NewsCLI.run([
            "news", "plan", NewsCLI.sample, "--items", "2", "--length", "headlines", "--json",
        ])
        #expect(plan.status == 0)
        try Data(plan.stdout.utf8).write(to: URL(fileURLWithPath: planFile))
        let out = try NewsCLI.run([
            "news", "recite", NewsCLI.sample, "--sim", "--virtual-time", "--items", "2", "--length", "headlines",
            "--speech-rate", "450", "--wav", wav, "--record", record,
        ])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("Wrote \(wav): "))
        #expect(out.stdout.hasSuffix(" s, 2 item(s).\nWrote the record to \(record).\n"))
        #expect(out.stderr.contains("Voice → \(wav)\n"))
        #expect(out.stderr.contains("Item 1/2: "))
        #expect(out.stderr.contains("Item 2/2: "))

        // Item order: the plan's segments, in the plan's order.
        let planned = try CLIRunner.json(plan.stdout)
        let plannedSegments = try #require(planned["segments"] as? [[String: Any]])
        let doc = try CLIRunner.json(try String(contentsOfFile: record, encoding: .utf8))
        let played = try #require(doc["segments"] as? [[String: Any]])
        #expect(played.compactMap { $0["id"] as? String } == ["intro", "i1", "i2", "outro"])
        #expect(
            played.compactMap { $0["headline"] as? String } == plannedSegments.compactMap { $0["headline"] as? String })
        #expect(played.allSatisfy { ($0["skipped"] as? Bool) == false })

        // Speech events: every sentence of the plan started, in plan order, and time only moves forward.
        let events = try #require(doc["events"] as? [[String: Any]])
        let sentences = events.filter { $0["kind"] as? String == "sentence" }.compactMap { $0["name"] as? String }
        let plannedMarks = plannedSegments.flatMap { ($0["sentences"] as? [[String: Any]]) ?? [] }
            .compactMap { $0["mark"] as? String }
        #expect(sentences == plannedMarks)
        let times = events.compactMap { $0["time"] as? Double }
        #expect(times == times.sorted())
        let gestures = Set(events.filter { $0["kind"] as? String == "gesture" }.compactMap { $0["name"] as? String })
        #expect(gestures.isSuperset(of: ["attentive", "present_item", "look_audience", "bow"]))

        // Every goal written during the recital: finite, antennas within ±60°, head within ±15° (+ sensor slack).
        let motion = try #require(doc["motion"] as? [[String: Any]])
        let goals = motion.compactMap { $0["goal"] as? [Double] }
        #expect(goals.count > 100)
        for goal in goals {
            #expect(goal.count == 9 && goal.allSatisfy(\.isFinite))
            #expect(abs(goal[7]) <= 60 * .pi / 180 + 1e-9 && abs(goal[8]) <= 60 * .pi / 180 + 1e-9)
        }
        let heads = motion.compactMap { $0["head"] as? [Double] }
        #expect(heads.count > 100)
        #expect(heads.allSatisfy { $0.allSatisfy { abs($0) <= 15.5 } })
        // Something moved: the head nodded down (bow) and turned toward the audience — items are presented from
        // alternate sides, so to the left for one and the right for the next.
        #expect(heads.contains { $0[1] > 5 } && heads.contains { abs($0[2]) > 5 })

        let data = try Data(contentsOf: URL(fileURLWithPath: wav))
        #expect(data.count > 44 && String(decoding: data[0..<4], as: UTF8.self) == "RIFF")
    }

    @Test(
        "SIGUSR1 skips an item, SIGUSR2 pauses; an interrupted recital exits 130 and does not mark the digest as recited"
    )
    func interrupted() throws {
        let dir = try sampleDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let state = dir.appendingPathComponent("state.json").path
        let live = try WatchedProcess.reachy([
            "news", "recite", "--unread", "--dir", dir.appendingPathComponent("digests").path, "--state", state,
            "--catch-up-days", "3650", "--sim", "--items", "2", "--length", "headlines", "--speech-rate", "450",
            "--wav", dir.appendingPathComponent("v.wav").path,
        ])
        #expect(live.waitForStderr("Item 1/2: "))
        live.send(SIGUSR1)
        #expect(live.waitForStderr("SIGUSR1: skipping to the next item.\nItem 2/2: "))
        live.send(SIGUSR2)
        #expect(live.waitForStderr("SIGUSR2: pausing…\nPaused (send SIGUSR2 again to resume).\n"))
        live.send(SIGINT)  // interrupted while paused
        let status = live.finish()
        #expect(status == 130)
        #expect(live.stderr.contains("Interrupted (SIGINT): audio stopped, stopping safely (sleep)…"))
        #expect(live.stderr.contains("Not marked as recited (interrupted)."))
        #expect(!live.stderr.contains("Outro."))
        let saved = (try? String(contentsOfFile: state, encoding: .utf8)) ?? ""
        #expect(!saved.contains("digest-2025-12-21.md"))
    }

    @Test("daily with a test clock recites once at 08:00, saves the slot, then sleeps until SIGTERM (exit 0)")
    func daily() throws {
        let dir = try sampleDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let state = dir.appendingPathComponent("state.json").path
        let live = try WatchedProcess.reachy([
            "news", "daily", "--dir", dir.appendingPathComponent("digests").path, "--state", state, "--at", "08:00",
            "--tz", "Asia/Shanghai", "--sim", "--now", "2025-12-21T07:59:58+08:00", "--items", "1", "--length",
            "headlines", "--speech-rate", "450", "--wav", dir.appendingPathComponent("v.wav").path,
        ])
        #expect(live.waitForStderr("(next slot 2025-12-22T08:00:00+08:00)."))
        live.send(SIGTERM)
        let status = live.finish()
        #expect(status == 0)
        let log = live.stderr
        #expect(log.contains("[2025-12-21T07:59:58+08:00] Sleeping until 2025-12-21T08:00:00+08:00"))
        #expect(log.components(separatedBy: "] Reciting ").count == 2)
        #expect(log.contains("[2025-12-21T08:00:0"))
        #expect(log.contains("] Reciting digest-2025-12-21.md (1 unread digest(s) with 9 new item(s)).\n"))
        #expect(log.contains("Waiting: already recited for the slot of 2025-12-21T00:00:00Z."))
        #expect(log.contains("Stopped by SIGTERM while waiting."))
        let saved = try CLIRunner.json(try String(contentsOfFile: state, encoding: .utf8))
        #expect(saved["lastSlot"] as? String == "2025-12-21T00:00:00Z")
    }

    @Test("demo --sim wakes, dances, reads the news, sleeps, exits 0 and names the WAV")
    func demo() throws {
        let dir = try NewsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wav = dir.appendingPathComponent("demo.wav").path
        let out = try NewsCLI.run([
            "demo", "--sim", "--short", "--wav", wav, "--digest", NewsCLI.sample,
        ])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Step 3 — wake up, dance 2 beats, read the news, go to sleep:\n"))
        #expect(
            out.stdout.hasSuffix(
                "The robot is asleep (motors off).\nThe news recital's voice is in \(wav) (play it with `aplay \(wav)`).\n"
            ))
        #expect(out.stderr.contains("Dancing simple_nod for 2 beats…"))
        #expect(FileManager.default.fileExists(atPath: wav))
    }
}
