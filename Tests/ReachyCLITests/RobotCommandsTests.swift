import Foundation
import ReachyTestSupport
import Testing

/// `reachy wake / goto / dance / record / play` on the built-in simulator, run as a user would.
@Suite("reachy robot commands (--sim)", .serialized)
struct RobotCommandsTests {
    @Test("wake --sim wakes the robot up")
    func wake() throws {
        let r = try CLIRunner.run(["wake", "--sim"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("Waking up…\n"))
        #expect(r.stderr.hasSuffix("Awake.\n"))
    }

    @Test("goto --sim reaches the pose and prints it")
    func goto() throws {
        let r = try CLIRunner.run([
            "goto", "--sim", "--z", "0.01", "--roll", "15", "--yaw", "10", "--degrees", "--antennas=-20,20",
            "--duration", "0.5", "--method", "ease_in_out",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("Moving (0.50 s, ease_in_out)…\n"))
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("joints (rad): body_rotation ") == true)
        #expect(
            lines.first?.contains("right_antenna -0.34") == true || lines.first?.contains("right_antenna -0.35") == true
        )
        // The head reached the pose to within the simulated servos' tracking error.
        let head = lines.last ?? ""
        #expect(head.hasPrefix("head: x "))
        let numbers = head.split(whereSeparator: { " ,°m".contains($0) }).compactMap { Double($0) }
        #expect(numbers.count == 6)
        if numbers.count == 6 {
            #expect(abs(numbers[2] - 10) < 1)  // z, mm
            #expect(abs(numbers[3] - 15) < 1.5)  // roll, degrees
            #expect(abs(numbers[5] - 10) < 1.5)  // yaw, degrees
        }
    }

    @Test("goto rejects a bad method with the full message")
    func gotoBadMethod() throws {
        let r = CLIRunner.parse(["goto", "--sim", "--method", "wobbly"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: --method must be one of: minjerk, linear, ease_in_out, cartoon.\n"))
    }

    @Test("dance NAME --sim --beats 2 plays two beats")
    func dance() throws {
        let r = try CLIRunner.run(["dance", "simple_nod", "--sim", "--beats", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("Dancing simple_nod at 114 BPM for 1.05 s…\n"))
        #expect(r.stderr.hasSuffix("Done.\n"))
    }

    @Test("dance with an unknown name fails before connecting")
    func unknownDance() throws {
        let r = try CLIRunner.run(["dance", "moonwalk", "--sim"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Error: "))
        #expect(r.stderr.contains("moonwalk"))
    }

    @Test("record --sim writes a recorded move that play --sim accepts")
    func recordAndPlay() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reachy-record-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("rec.json").path
        let r = try CLIRunner.run(["record", "--sim", "--out", json, "--seconds", "0.5", "--sample-rate", "20"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("Recording 0.5 s at 20 Hz…\n"))
        let doc = try CLIRunner.json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: json)), as: UTF8.self))
        let times = try #require(doc["time"] as? [Double])
        let frames = try #require(doc["set_target_data"] as? [[String: Any]])
        let joints = try #require(doc["joints"] as? [[Double]])
        #expect(times.count >= 9 && times.count <= 11)
        #expect(times.first == 0)
        #expect(frames.count == times.count && joints.count == times.count)
        #expect(joints.allSatisfy { $0.count == 9 })
        // Samples on a 50 ms grid, each taken at the first loop tick (10 ms apart) at or after its grid time.
        #expect(zip(times, times.dropFirst()).allSatisfy { $1 - $0 > 0.02 && $1 - $0 < 0.2 })
        #expect((times.last ?? 0) <= 0.5 + 1e-9)
        #expect(doc["rate"] as? Double == 20)
        #expect(r.stderr.hasSuffix("Wrote \(times.count) samples to \(json).\n"))
        // The simulator's head at rest: z = FK of all-zero joints (−27.4 mm).
        let head = try #require(frames.first?["head"] as? [[Double]])
        #expect(abs(head[2][3] + 0.0274) < 0.001)

        let play = try CLIRunner.run(["play", json, "--sim", "--initial-goto", "0.2"])
        #expect(play.status == 0, "\(play.stderr)")
        #expect(play.stderr.hasSuffix("Done.\n"))

        let csv = directory.appendingPathComponent("rec.csv").path
        let c = try CLIRunner.run(["record", "--sim", "--out", csv, "--seconds", "0.2"])
        #expect(c.status == 0)
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.hasPrefix("t,x,y,z,roll,pitch,yaw,body_yaw,right_antenna,left_antenna,body_rotation,stewart_1,"))
    }

    @Test("record refuses an unknown file type")
    func recordBadExtension() throws {
        let r = CLIRunner.parse(["record", "--sim", "--out", "x.txt", "--seconds", "1"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: --out must end in .json or .csv (got \"x.txt\").\n"))
    }

    @Test("SIGINT during a dance: safe stop to the sleep pose, exit status 130")
    func interrupt() throws {
        let process = Process()
        process.executableURL = try CLIRunner.executable()
        process.arguments = ["dance", "simple_nod", "--sim", "--beats", "100"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(stderr.contains("Interrupted (SIGINT): stopping safely (sleep)…\n"))
        #expect(stderr.hasSuffix("The robot is in its sleep pose with the motors off.\n"))
    }

    @Test("SIGTERM with --on-interrupt hold: holds, exit status 143")
    func terminate() throws {
        let process = Process()
        process.executableURL = try CLIRunner.executable()
        process.arguments = ["goto", "--sim", "--yaw", "0.3", "--duration", "10", "--on-interrupt", "hold"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        process.terminate()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        #expect(
            stderr.hasSuffix(
                "Interrupted (SIGTERM): stopping safely (hold)…\nThe robot holds its position (motors on).\n"))
    }
}
