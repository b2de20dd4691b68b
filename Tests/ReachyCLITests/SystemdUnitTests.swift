import Foundation
import ReachyTestSupport
import Testing

/// The systemd units start commands that exist: their ExecStart lines are run (paths moved to a temporary
/// directory) and must be accepted.
@Suite("systemd units")
struct SystemdUnitTests {
    func execStart(_ unit: String, root: URL) throws -> [String] {
        let path = NewsCLI.repository.appendingPathComponent("hardware/systemd/\(unit)").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        let words = line.dropFirst("ExecStart=".count).split(separator: " ").map {
            $0.replacingOccurrences(of: "/var/lib/reachy-news", with: root.path)
        }
        #expect(words.first == "/usr/local/bin/reachy")
        return Array(words.dropFirst())
    }

    @Test(
        "The news units never run as root: a dynamic user with only the robot's serial and sound groups",
        arguments: [
            "reachy-news.service", "reachy-news-daily.service",
        ])
    func notRoot(_ unit: String) throws {
        let path = NewsCLI.repository.appendingPathComponent("hardware/systemd/\(unit)").path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.contains("DynamicUser=yes"))
        #expect(lines.contains("SupplementaryGroups=dialout audio"))
        #expect(!lines.contains { $0.hasPrefix("User=root") })
        #expect(lines.contains("NoNewPrivileges=yes"))
    }

    @Test("reachy-news.service runs `news recite` in scheduled mode with options it accepts")
    func timerService() throws {
        let root = try NewsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("digests"), withIntermediateDirectories: true)
        let arguments = try execStart("reachy-news.service", root: root)
        #expect(Array(arguments.prefix(2)) == ["news", "recite"])
        #expect(!arguments.contains("--unread"))
        let out = try NewsCLI.run(arguments + ["--dry-run"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("Decision: wait ("))
    }

    @Test("reachy-news-daily.service runs `news daily`, which starts, sleeps and stops on SIGTERM")
    func dailyService() throws {
        let root = try NewsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("digests"), withIntermediateDirectories: true)
        let arguments = try execStart("reachy-news-daily.service", root: root)
        #expect(Array(arguments.prefix(2)) == ["news", "daily"])
        let live = try WatchedProcess.reachy(arguments + ["--sim"])
        #expect(live.waitForStderr("Sleeping until "))
        live.send(SIGTERM)
        #expect(live.finish() == 0)
        #expect(live.stderr.contains("] Waiting: "))
        #expect(live.stderr.contains("] Stopped by SIGTERM while waiting."))
    }
}
