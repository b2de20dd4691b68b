import Dynamixel
import Foundation
import Testing

@testable import ReachySimulator

/// Stretch oracle: Pollen's official daemon (`reachy-mini` 1.13.0) drives the pty simulator as if it were the
/// robot — its motor configuration check passes, it enables the motors and a REST `goto` lands the head where its
/// own kinematics say. Enabled when `REACHY_DAEMON_PYTHON` is the python of a venv with `reachy-mini==1.13.0`
/// (see docs/simulator.md).
@Suite(
    .serialized, .enabled(if: DaemonOracle.python != nil, "set REACHY_DAEMON_PYTHON to a venv with reachy-mini 1.13.0"))
struct DaemonOracleTests {
    @Test func officialDaemonConfiguresEnablesAndMovesTheRobot() throws {
        let robot = VirtualReachyMini(clock: MonotonicClock(), interByteTimeout: PtySimulatorServer.interByteTimeout)
        let server = try PtySimulatorServer(bus: robot.bus)
        server.start()
        defer { server.stop() }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("reachy-daemon-\(getpid()).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let port = 8700 + Int(getpid() % 1000)
        let json = try Oracle.run(
            "daemon_check.py", server.devicePath, String(port), python: DaemonOracle.python,
            environment: ["REACHY_DAEMON_LOG": log.path], timeout: 180)
        #expect(json["state"] as? String == "running")
        #expect(json["mode_before"] as? String == "disabled")
        #expect(json["mode_after"] as? String == "enabled")
        // The daemon's reflash check read every EEPROM setting and found the factory configuration.
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(text.components(separatedBy: "Configuration is correct [OK]!").count - 1 == 9)
        // Goal counts for head pose z = 1 cm, pitch 10°, yaw 15°, from the reference run of the official IK
        // (reachy_mini.md §8.2), and antennas ±0.3 rad (raw = trunc(4096·(π+rad)/2π)).
        let expected: [UInt8: Int32] = [
            10: 2048, 11: 2613, 12: 1541, 13: 2767, 14: 1412, 15: 2645, 16: 1575, 17: 2243, 18: 1852,
        ]
        for (id, goal) in expected {
            let servo = try #require(robot.bus.servo(id))
            #expect(abs(servo.goalPosition - goal) <= 1, "motor \(id): goal \(servo.goalPosition), expected \(goal)")
            #expect(servo.torqueEnabled)
        }
    }
}

/// Where the daemon venv's python is.
enum DaemonOracle {
    static let python: String? = {
        guard let path = ProcessInfo.processInfo.environment["REACHY_DAEMON_PYTHON"], !path.isEmpty,
            FileManager.default.isExecutableFile(atPath: path)
        else { return nil }
        return path
    }()
}
