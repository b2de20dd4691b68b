import Foundation
import ReachyTestSupport
import Testing

/// Runs the built `reachy` binary (next to the test bundle in .build/<config>/).
enum NewsCLI {
    static let repository = RepositoryPaths.root
    static let sample = repository.appendingPathComponent("examples/news/digest-2025-12-21.md").path
    static let malformed = repository.appendingPathComponent("Tests/ReachyNewsTests/Data/malformed").path

    static func binary() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("reachy"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("reachy"),
            repository.appendingPathComponent(".build/debug/reachy"),
        ]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("news-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite("reachy news")
struct NewsCLITests {
    @Test("plan prints a summary of the sample")
    func planSummary() throws {
        let r = try NewsCLI.run(["news", "plan", NewsCLI.sample])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Recital for 2025-12-21: 9 items from 1 digest, about ") == true)
        #expect(lines[1] == "intro: 各位好，今天是二〇二五年十二月二十一日，星期日。下面是过去一段时间的A I快讯，共九条。")
        #expect(lines[2] == "1. [excited] 阿里巴巴Qwen-Image-Layered发布，支持图片分层")
        // The first body sentence is long and joined by commas: three clauses, each a gesture point.
        #expect(
            lines[3] == "   4 sentences, gestures: present_item, excited, sway_right, nod, sway_left, look_audience")
        #expect(lines[4] == "   why: excited 4: 发布×2, 上线, 开源")
        #expect(lines.last == "outro: 以上就是今天的A I快讯，感谢收听，我们明天再见。")
    }

    @Test("plan --json --items 2 is a decodable plan with two items")
    func planJSON() throws {
        let r = try NewsCLI.run(["news", "plan", NewsCLI.sample, "--json", "--items", "2"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["formatVersion"] as? Int == 1)
        #expect(object["date"] as? String == "2025-12-21")
        let segments = try #require(object["segments"] as? [[String: Any]])
        #expect(segments.map { $0["kind"] as? String } == ["intro", "item", "item", "outro"])
        #expect(segments[1]["url"] as? String == "https://x.com/mervenoyann/status/2002053971406700740")
    }

    @Test("Bad option values are usage errors (exit 64) with the full message")
    func badOptions() throws {
        let r = try NewsCLI.run(["news", "plan", NewsCLI.sample, "--items", "0"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: --items must be at least 1 (got 0).\n"))
        let l = try NewsCLI.run(["news", "plan", NewsCLI.sample, "--length", "short"])
        #expect(l.status == 64)
        #expect(l.stderr.hasPrefix("Error: --length must be one of full, first-sentence, headlines (got 'short').\n"))
    }

    @Test("A missing file fails with exit 1 and names the file")
    func missingFile() throws {
        let r = try NewsCLI.run(["news", "plan", "/nonexistent/digest.md"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent/digest.md: error: cannot read digest /nonexistent/digest.md"))
        #expect(r.stderr.contains("Error: cannot read digest /nonexistent/digest.md"))
    }

    @Test(
        "A damaged digest: the problem is printed with line and column, and the item is still planned without its link")
    func damaged() throws {
        let file = NewsCLI.malformed + "/07-header-without-link.md"
        let r = try NewsCLI.run(["news", "plan", file])
        #expect(r.status == 0)
        #expect(
            r.stderr
                == "\(file):11:12: warning: line 11, column 12: malformed item header: expected `(link)` right after "
                + "the headline's `]`; the item is read without its link. Write items as `1.  [headline](https://…)`.\n"
        )
        #expect(r.stdout.hasPrefix("Recital for 2025-12-21: 2 items from 1 digest, about "))
        #expect(r.stdout.contains("第二条新闻"))
    }

    @Test("A digest read only in part ends with exit status 3 and says so")
    func partial() throws {
        let file = NewsCLI.malformed + "/04-missing-date.md"
        let r = try NewsCLI.run(["news", "plan", file])
        #expect(r.status == 3)
        #expect(r.stderr.contains("no `date:` field"))
        #expect(
            r.stderr.contains("Partial: 1 problem(s) above kept part of the digests from being read (exit status 3)."))
        #expect(r.stdout.hasPrefix("Recital for"))
        // Recited on the simulator, the same digest also ends "partial".
        let dir = try NewsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let recite = try NewsCLI.run([
            "news", "recite", file, "--sim", "--virtual-time", "--length", "headlines", "--speech-rate", "450",
            "--wav", dir.appendingPathComponent("v.wav").path,
        ])
        #expect(recite.status == 3, "\(recite.stderr)")
        #expect(recite.stderr.contains("Partial: 1 problem(s)"))
    }

    @Test("No items left after the category filter is an error")
    func noItems() throws {
        let r = try NewsCLI.run(["news", "plan", NewsCLI.sample, "--categories", "体育"])
        #expect(r.status == 1)
        #expect(
            r.stderr == "Error: no news items to read in \(NewsCLI.sample) with the requested --categories. "
                + "Drop --categories or pick one the digests use.\n")
    }

    @Test("speak writes a 16 kHz WAV and says where and how long")
    func speak() throws {
        let dir = try NewsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wav = dir.appendingPathComponent("out.wav").path
        let r = try NewsCLI.run([
            "news", "speak", NewsCLI.sample, "--items", "1", "--length", "headlines", "--wav", wav,
        ])
        #expect(r.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: wav))
        #expect(data.count > 44)
        let samples = (data.count - 44) / 2
        let seconds = Double(samples) / 16000
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("Voice: espeak-ng 1."))
        #expect(lines[1] == "Wrote \(wav): \(String(format: "%.1f", seconds)) s of audio (16000 Hz mono, 1 item).")
        #expect(Array(data[24..<28]) == [0x80, 0x3E, 0x00, 0x00])  // 16000 Hz
    }

    @Test("recite --unread reads a directory once, then finds nothing unread")
    func recite() throws {
        let dir = try NewsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let digests = dir.appendingPathComponent("digests")
        try FileManager.default.createDirectory(at: digests, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: NewsCLI.sample, toPath: digests.appendingPathComponent("d.md").path)
        let state = dir.appendingPathComponent("state.json").path
        let wav = dir.appendingPathComponent("r.wav").path
        let old = try NewsCLI.run([
            "news", "recite", "--unread", "--dir", digests.path, "--state", state, "--wav", wav, "--dry-run",
        ])
        #expect(old.status == 0)
        #expect(old.stdout == "Decision: wait (1 unread digest(s) older than 3 days skipped).\n")
        // The sample is from 2025-12-21: widen the catch-up window so it counts as unread.
        let args = [
            "news", "recite", "--unread", "--dir", digests.path, "--state", state, "--wav", wav, "--items", "1",
            "--catch-up-days", "3650", "--sim", "--virtual-time", "--length", "headlines", "--speech-rate", "450",
        ]
        let first = try NewsCLI.run(args)
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("Decision: recite (1 unread digest(s) with 9 new item(s)).\nWrote \(wav): "))
        #expect(first.stdout.contains(" s, 1 item(s).\nNext slot: "))
        #expect(FileManager.default.fileExists(atPath: state))
        let second = try NewsCLI.run(args)
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("Decision: wait (no unread digests).\nNext slot: "))
    }

    @Test("A site table in REACHY_NEWS_DATA extends the respellings without rebuilding")
    func siteTables() throws {
        let dir = try NewsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Only respellings.json is given: moods and gestures still come from the bundle.
        let table = #"{"respellings": [{"written": "Droid", "spoken": "Dee roid"}]}"#
        try Data(table.utf8).write(to: dir.appendingPathComponent("respellings.json"))
        let r = try NewsCLI.run(
            ["news", "plan", NewsCLI.sample, "--json", "--items", "3"], environment: ["REACHY_NEWS_DATA": dir.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"speech\" : \"GPT 5.2 + Dee roid显著提升NextJS开发效率。\""))
    }
}
