import Foundation
import ReachyTestSupport
import Testing

/// The smaller items of "hostile input" (issue 13, point 10), as a user meets them on the command line.
@Suite("reachy: low supply, hardware errors, absurd recordings", .serialized)
struct HostileInputCLITests {
    @Test(
        "Ctrl-C during the 30 s supply wait ends the command at once with 130, SIGTERM with 143",
        arguments: [SIGINT, SIGTERM])
    func interruptTheSupplyWait(signal: Int32) throws {
        let server = try ServedSimulator(arguments: ["--fault", "supply=3.0"])
        defer { _ = server.stop() }
        let wake = try WatchedProcess.reachy(["wake", "--port", server.link])
        #expect(wake.waitForStderr("waiting up to 30 s", timeout: 30), "\(wake.stderr)")
        let sent = Date()
        wake.send(signal)
        let status = wake.finish(timeout: 40)
        let took = Date().timeIntervalSince(sent)
        let name = signal == SIGTERM ? "SIGTERM" : "SIGINT"
        #expect(status == 128 + signal, "\(wake.stderr)")
        #expect(took < 5, "the command took \(took) s to end after \(name)")
        #expect(
            wake.stderr.contains("Notice: The motor supply reads 3.0 V (at least 4.5 V needed): waiting up to 30 s"))
        #expect(
            wake.stderr.hasSuffix(
                "Interrupted (\(name)) during startup: Startup stopped while waiting for the supply voltage, before the "
                    + "motors were switched on: nothing moved. Run the command again when the robot is ready.\n"),
            "\(wake.stderr)")
    }

    @Test("a motor in hardware error stops the command: which motor, what error, what to do, exit status 1")
    func hardwareErrorFailsTheCommand() throws {
        let server = try ServedSimulator(arguments: ["--fault", "voltage-error=12"])
        defer { _ = server.stop() }
        let result = try CLIRunner.run(["goto", "--port", server.link, "--yaw", "0.2", "--duration", "1"])
        #expect(result.status == 1, "\(result.stderr)")
        // Brought to rest as after Ctrl-C (on a loaded machine the sleep pose may time out: then the motors go off).
        #expect(result.stderr.contains("Stopping safely (sleep)…\n"))
        #expect(
            result.stderr.contains("The robot is in its sleep pose with the motors off.\n")
                || result.stderr.contains("the motors are off.\n"), "\(result.stderr)")
        #expect(
            result.stderr.hasSuffix(
                "Error: Motor stewart_2 (ID 12) reports a hardware error (input voltage): Input voltage error: the "
                    + "supply is outside the motor's voltage limits (addresses 32/34). Check the power supply (5 V), "
                    + "then reboot the motor. A motor keeps the error until it reboots: switching the robot off and on "
                    + "reboots every motor. The command was stopped.\n"),
            "\(result.stderr)")
    }

    @Test("play refuses a file whose times would play 'forever', naming the field and the limit")
    func playRefusesAbsurdTimes() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("forever-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let frame = #"{"head": [1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1], "antennas": [0, 0]}"#
        try Data(#"{"time": [0, 1e308], "set_target_data": [\#(frame), \#(frame)]}"#.utf8).write(to: file)
        let clock = ContinuousClock()
        let start = clock.now
        let result = try CLIRunner.run(["play", file.path, "--sim"])
        #expect(clock.now - start < .seconds(30))
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "Error: The recorded move's time[1] is 1e+308; allowed: seconds from 0 to 3600 (a recording lasts "
                + "at most one hour). Fix the file, or record it again with `reachy record`.\n")
    }
}
