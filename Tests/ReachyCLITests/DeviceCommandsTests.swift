import Foundation
import ReachyTestSupport
import Testing

/// A `reachy sim serve` process on a pseudo-terminal, for commands that take `--port`.
final class ServedSimulator {
    let process = Process()
    let link: String

    init(arguments: [String] = []) throws {
        link = FileManager.default.temporaryDirectory.appendingPathComponent("reachy-sim-\(UUID().uuidString)").path
        process.executableURL = try CLIRunner.executable()
        process.arguments = ["sim", "serve", "--link", link] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<1000 where !FileManager.default.fileExists(atPath: link) {
            usleep(10_000)
        }
        try #require(FileManager.default.fileExists(atPath: link), "reachy sim serve did not create \(link)")
    }

    /// Stops the server with SIGTERM and returns its exit status.
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite("reachy scan / read / write / doctor", .serialized)
struct DeviceCommandsTests {
    @Test("scan --json over a simulator pty lists IDs 10–18 with their model numbers")
    func scanOverPty() throws {
        let server = try ServedSimulator()
        let result = try CLIRunner.run(["scan", "--port", server.link, "--json"])
        #expect(server.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: server.link), "the symlink is removed on SIGTERM")
        #expect(result.status == 0)
        let motors = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(motors.map { $0["id"] as? Int } == (10...18).map { $0 })
        #expect(motors.map { $0["model"] as? Int } == [1240, 1200, 1200, 1200, 1200, 1200, 1200, 1190, 1190])
        #expect(motors.map { $0["model_name"] as? String }.first == "XC330-M288-T")
        #expect(motors.allSatisfy { $0["firmware"] as? Int == 52 })
        #expect(Set(motors.flatMap { $0.keys }) == ["id", "model", "model_name", "firmware"])
    }

    @Test("scan reports a missing motor by leaving it out, and no motors as an error naming the power supply")
    func scanWithMissingMotors() throws {
        let server = try ServedSimulator(arguments: ["--fault", "missing=14"])
        let partial = try CLIRunner.run(["scan", "--port", server.link, "--ids", "10-18", "--json"])
        let empty = try CLIRunner.run(["scan", "--port", server.link, "--ids", "1-3"])
        _ = server.stop()
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(partial.stdout.utf8)) as? [[String: Any]])
        #expect(ids.compactMap { $0["id"] as? Int } == [10, 11, 12, 13, 15, 16, 17, 18])
        #expect(empty.status == 1)
        #expect(
            empty.stderr.hasSuffix(
                """
                Error: No motor answered on \(server.link) at 1000000 bps. Check that the robot's power supply is \
                plugged in and switched on. Motors fresh from the factory listen at 57600 bps: try --baud 57600.

                """))
    }

    @Test("read and write go through the register table and keep state in the served simulator")
    func readWriteOverPty() throws {
        let server = try ServedSimulator()
        defer { _ = server.stop() }
        let before = try CLIRunner.run(["read", "--port", server.link, "--id", "11", "present_position"])
        #expect(before.stdout == "Present Position of motor 11 = 2048 (0.0000 rad, 0.0°)\n")
        let torque = try CLIRunner.run(["write", "--port", server.link, "--id", "11", "torque_enable", "1"])
        #expect(torque.status == 0)
        #expect(torque.stdout == "Wrote 1 to Torque Enable of motor 11.\n")
        let eeprom = try CLIRunner.run(["write", "--port", server.link, "--id", "11", "homing_offset", "5"])
        #expect(eeprom.status == 1)
        #expect(eeprom.stderr.contains("torque"))
        let json = try CLIRunner.run(["read", "--port", server.link, "--id", "11", "torque_enable", "--json"])
        let reading = try CLIRunner.json(json.stdout)
        #expect(reading["raw"] as? Int == 1 && reading["address"] as? Int == 64 && reading["id"] as? Int == 11)
    }

    @Test("a misspelt register gets a suggestion and exit status 1")
    func unknownRegister() throws {
        let result = try CLIRunner.run(["read", "--sim", "--id", "11", "goal_postion"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "Error: There is no register called 'goal_postion'. Did you mean 'goal_position'? Run `reachy registers` to list them.\n"
        )
    }

    @Test("a goal outside the motor's position limits is refused before anything is sent")
    func goalOutsideLimits() throws {
        let result = try CLIRunner.run(["write", "--sim", "--id", "11", "goal_position", "4000"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("1502"))
        #expect(result.stderr.contains("2958"))
    }

    @Test("a missing port is explained, with the next step")
    func missingPort() throws {
        let result = try CLIRunner.run(["scan", "--port", "/dev/does-not-exist"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "Error: No serial port at /dev/does-not-exist. Is the robot plugged in? Run `reachy ports` to list the ports.\n"
        )
    }

    @Test("--sim and --port together are refused")
    func conflictingTargets() throws {
        let result = CLIRunner.parse(["scan", "--sim", "--port", "/dev/ttyACM0"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: Choose one: --port PATH for a robot, or --sim for the simulator.\n"))
    }

    @Test("bad --ids are refused with the accepted syntax")
    func badIDs() throws {
        let result = CLIRunner.parse(["scan", "--sim", "--ids", "10-300"])
        #expect(result.status == 64)
        #expect(
            result.stderr.hasPrefix(
                "Error: The value '10-300' is invalid for '--ids <ids>': IDs go from 0 to 252; '10-300' is outside.\n"))
    }

    @Test("doctor --sim runs the motor and speech checks and passes")
    func doctorOnSimulator() throws {
        let result = try CLIRunner.run(["doctor", "--sim"])
        #expect(result.status == 0)
        var lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let speech = lines.remove(at: 5)
        #expect(speech.hasPrefix("[ok] Speech engine (espeak-ng): espeak-ng 1.") && speech.hasSuffix(" speaks."))
        #expect(
            lines == [
                "[ok] Motors answer: All 9 motors answer.",
                "[ok] Motor models: Every motor is the expected model.",
                "[ok] Supply voltage: Lowest motor reads 5.0 V.",
                "[ok] Hardware errors: No motor reports a hardware error.",
                "[ok] Motor settings: EEPROM settings match hardware/reachy-mini.json.",
                "", "Everything looks good.", "",
            ])
    }

    @Test("doctor names missing motors and low supply, and fails")
    func doctorFindsProblems() throws {
        let server = try ServedSimulator(arguments: ["--fault", "missing=12,17", "--fault", "supply=4.2"])
        let result = try CLIRunner.run(["doctor", "--port", server.link, "--json"])
        _ = server.stop()
        #expect(result.status == 1)
        let checks = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let motors = try #require(checks.first { $0["title"] as? String == "Motors answer" })
        #expect(motors["status"] as? String == "failed")
        #expect(
            motors["detail"] as? String == "7 of 9 motors answer; missing: stewart_2 (ID 12), right_antenna (ID 17).")
        let supply = try #require(checks.first { $0["title"] as? String == "Supply voltage" })
        #expect(supply["status"] as? String == "failed")
    }
}
