import Foundation
import ReachyMotion
import ReachyTestSupport
import Testing

/// The built `reachy` against the official daemon: a Bop program moves it, a news recital completes (with the
/// no-media notice), and a daemon killed mid-run ends the command with the typed error and a non-zero status.
@Suite(
    .serialized,
    .enabled(if: DaemonProcess.python != nil, "set REACHY_DAEMON_PYTHON to a venv with reachy-mini 1.13.0"))
struct DaemonCLITests {
    static let repository = RepositoryPaths.root

    static func program(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("remote-\(UUID().uuidString).bop")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Yaw of the head in the world (radians) from the daemon's own forward kinematics.
    static func headYaw(_ daemon: DaemonProcess) throws -> Double {
        let m = DaemonConformanceTests.doubles((try daemon.state()["head_pose"] as? [String: Any])?["m"])
        try #require(m.count == 16)
        return atan2(m[4], m[0])
    }

    @Test func aBopProgramMovesTheRobotAndANewsRecitalCompletes() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop() }
        let lookLeft = try Self.program("level 1\nlook left\n")
        defer { try? FileManager.default.removeItem(atPath: lookLeft) }
        let run = try ReachyExecutable.run(["run", lookLeft, "--daemon", daemon.base])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "")
        #expect(
            run.stderr.contains(
                "Notice: The servo-bus startup (presence, supply, reboots, firmware, EEPROM, PID gains) was not run: "
                    + "the daemon at \(daemon.base) runs its own.\n"))
        #expect(run.stderr.contains("▶ line 2: look left\n"))
        #expect(run.stderr.hasSuffix("Done.\n"))
        // The program ends looking left: the daemon's own kinematics see the head turned to the left (+yaw).
        #expect(try Self.headYaw(daemon) > 0.3)

        let lookRight = try Self.program("level 1\nlook right\n")
        defer { try? FileManager.default.removeItem(atPath: lookRight) }
        let again = try ReachyExecutable.run(["run", lookRight, "--daemon", daemon.base])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.headYaw(daemon) < -0.3)

        let sample = Self.repository.appendingPathComponent("examples/news/digest-2025-12-21.md").path
        let news = try ReachyExecutable.run([
            "news", "recite", sample, "--daemon", daemon.base, "--items", "1", "--length", "headlines",
            "--speech-rate", "450",
        ])
        #expect(news.status == 0, "\(news.stderr)")
        #expect(
            news.stderr.contains(
                "Notice: The daemon at \(daemon.base) runs without media (--no-media): no sound will play on the "
                    + "robot; the moves go on.\n"))
        #expect(news.stderr.contains("Voice → the speaker of the daemon at \(daemon.base)\n"))
        #expect(news.stderr.contains("Item 1/1: "))
        // The recital ends with the robot asleep: motors off in the daemon.
        #expect(try DaemonProcess.get("\(daemon.base)/api/motors/status")["mode"] as? String == "disabled")
    }

    @Test func killingTheDaemonMidRunGivesTheErrorAndAFailureStatus() throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop() }
        let long = try Self.program("level 3\nrepeat 40 times\n  look left\n  look right\nend\n")
        defer { try? FileManager.default.removeItem(atPath: long) }
        let run = try ReachyExecutable.run(["run", long, "--daemon", daemon.base], timeout: 60) {
            // Connected, awake and playing by then (the program lasts about forty seconds).
            Thread.sleep(forTimeInterval: 5)
            daemon.stop()
        }
        #expect(run.status == 1, "\(run.stderr)")
        #expect(
            run.stderr.contains("No response from the robot's motors for 1.0 s (Lost the daemon at \(daemon.base): "),
            "\(run.stderr)")
        #expect(run.stderr.contains("Check that the daemon still runs and the network"))
        #expect(!run.stderr.contains("Done.\n"))
    }

    @Test func misuseOfDaemonIsExplained() throws {
        let both = try ReachyExecutable.run(["wake", "--daemon", "http://127.0.0.1:9", "--sim"])
        #expect(both.status == 64)
        #expect(
            both.stderr.hasPrefix(
                "Error: Choose one: --daemon URL for a robot behind its daemon, --port PATH for a robot on this "
                    + "computer's USB, or --sim for the simulator.\n"))
        let bad = try ReachyExecutable.run(["wake", "--daemon", "ftp://robot"])
        #expect(bad.status == 64)
        #expect(
            bad.stderr.hasPrefix(
                "Error: \"ftp://robot\" is not a daemon address. Give its http URL, e.g. --daemon "
                    + "http://reachy-mini.local:8000 (a Wireless robot) or --daemon http://127.0.0.1:8000 (a daemon on "
                    + "this computer).\n"))
        let port = try DaemonProcess.freePort()
        let nobody = try ReachyExecutable.run(["wake", "--daemon", "127.0.0.1:\(port)"])
        #expect(nobody.status == 1)
        #expect(nobody.stderr.hasPrefix("Error: Nothing answers at http://127.0.0.1:\(port) ("), "\(nobody.stderr)")
        #expect(nobody.stderr.contains("start `reachy-mini-daemon` (add --fastapi-port if it is not 8000).\n"))
        let scan = try ReachyExecutable.run(["scan", "--daemon", "127.0.0.1:\(port)"])
        #expect(scan.status == 1)
        #expect(
            scan.stderr.hasPrefix(
                "Error: This command talks to the servo bus itself, which the daemon at http://127.0.0.1:\(port) owns.")
        )
    }
}
