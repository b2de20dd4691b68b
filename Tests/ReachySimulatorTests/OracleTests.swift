import Dynamixel
import Foundation
import ReachyTestSupport
import Testing

@testable import ReachySimulator

/// Conformance against code nobody here wrote: rustypot, the ROBOTIS SDK and Pollen's official motor controller
/// (installed by `make oracles`, found through `REACHY_ORACLE_PYTHON`) talk to the pty simulator.
@Suite(.serialized, .enabled(if: Oracle.python != nil, "set REACHY_ORACLE_PYTHON (run `make oracles`)"))
struct OracleTests {
    /// Distinct hand positions (inside every motor's limits), so a value delivered to the wrong motor shows.
    static let handPositions: [UInt8: Int64] = [
        10: 1900, 11: 2011, 12: 2012, 13: 2013, 14: 2014, 15: 2015, 16: 2016, 17: 2217, 18: 1818,
    ]
    static let ids: [UInt8] = Array(10...18)

    func serve(faults: SimulatorFaults = SimulatorFaults(), _ body: (String) throws -> Void) throws {
        let robot = VirtualReachyMini(
            clock: MonotonicClock(), faults: faults, interByteTimeout: PtySimulatorServer.interByteTimeout)
        for (id, position) in Self.handPositions { robot.bus.setHandPosition(id: id, position) }
        let server = try PtySimulatorServer(bus: robot.bus)
        server.start()
        defer { server.stop() }
        try body(server.devicePath)
    }

    @Test func rustypotScansReadsAndWrites() throws {
        try serve { path in
            let json = try Oracle.run("rustypot_check.py", path)
            let scan = try #require(json["scan"] as? [String: Int])
            #expect(
                scan == [
                    "10": 1240, "11": 1200, "12": 1200, "13": 1200, "14": 1200, "15": 1200, "16": 1200, "17": 1190,
                    "18": 1190,
                ])
            #expect(json["ping"] as? [String: Bool] == ["9": false, "10": true, "14": true, "18": true, "19": false])
            #expect(json["present"] as? [Int] == Self.ids.map { Int(Self.handPositions[$0] ?? 0) })
            #expect(json["firmware"] as? [Int] == Array(repeating: 52, count: 9))
            #expect(json["homing"] as? [Int] == [0, 1024, -1024, 1024, -1024, 1024, -1024, 0, 0])
            #expect((json["undefined_read"] as? [Any])?.last as? Int == 7)
            #expect(json["eeprom_locked_error"] as? Int == 7)
            #expect(json["eeprom_unlocked_error"] as? Int == 0)
            // 0xFDFFFF00 went out stuffed and came back de-stuffed.
            #expect(json["stuffed_goal"] as? [Int] == [0x00, 0xFF, 0xFF, 0xFD])
            #expect(json["goals"] as? [Int] == [2100, 2000])
        }
    }

    @Test func robotisSDKPlainAndFastReads() throws {
        try serve { path in
            let json = try Oracle.run("sdk_check.py", path)
            let positions = Self.ids.map { Int(Self.handPositions[$0] ?? 0) }
            #expect(json["ping10"] as? [Int] == [1240, 0, 0])
            let broadcast = try #require(json["broadcast"] as? [String: [Int]])
            #expect(broadcast.keys.sorted() == Self.ids.map(String.init))
            #expect(broadcast["17"] == [1190, 52])
            #expect(json["read4"] as? [Int] == [2013, 0, 0])
            #expect(json["sync_result"] as? Int == 0)
            #expect(json["sync"] as? [Int] == positions)
            #expect(json["fast_sync_result"] as? Int == 0)
            #expect(json["fast_sync"] as? [Int] == positions)
            #expect(json["fast_bulk_result"] as? Int == 0)
            #expect(json["fast_bulk"] as? [Int] == [50, 28, 2012])
            #expect(json["goals"] as? [Int] == [2500, 1500])
            #expect(json["eeprom_locked"] as? [Int] == [0, 7])
            #expect(json["limit"] as? [Int] == [0, 6])
            #expect(json["reboot"] as? [Int] == [0, 0])
            #expect(json["torque_after_reboot"] as? Int == 0)
        }
    }

    @Test func officialMotorControllerRunsItsControlLoop() throws {
        try serve { path in
            let json = try Oracle.run("rmmc_check.py", path)
            // rustypot's convention: rad = 2π·raw/4096 − π.
            func radians(_ raw: Int64) -> Double { 2 * Double.pi * Double(raw) / 4096 - Double.pi }
            let initial = try #require(json["initial"] as? [Double])
            let expectedInitial = Self.ids.map { radians(Self.handPositions[$0] ?? 0) }
            #expect(initial.count == 9)
            for (got, want) in zip(initial, expectedInitial) { #expect(abs(got - want) < 1e-9) }
            #expect(json["torque_before"] as? Bool == false)
            #expect(json["torque_after"] as? Bool == true)
            let final = try #require(json["final"] as? [Double])
            let goals = [0.2, 0.1, -0.1, 0.15, -0.15, 0.05, -0.05, 0.3, -0.3]
            #expect(final.count == 9)
            // Goals are truncated to whole pulses (2π/4096 rad) on the way out and read back exactly.
            for (got, want) in zip(final, goals) { #expect(abs(got - want) < 2 * 2 * Double.pi / 4096) }
            #expect(json["pid_11"] as? [Int] == [300, 0, 0])
        }
    }
}

extension OracleTests {
    @Test func officialControllerNamesTheMissingMotor() throws {
        var faults = SimulatorFaults()
        faults.missingIDs = [14]
        try serve(faults: faults) { path in
            let json = try Oracle.run("rmmc_fault_check.py", path)
            #expect(json["error"] as? String == "Missing motors: [\"stewart_4\"]!")
        }
    }

    @Test func officialControllerWaitsForSupplyVoltage() throws {
        var faults = SimulatorFaults()
        faults.supplyVoltage = 4.2
        try serve(faults: faults) { path in
            let json = try Oracle.run("rmmc_fault_check.py", path)
            let error = try #require(json["error"] as? String)
            #expect(error.lowercased().contains("voltage"))
        }
    }
}

/// Finds and runs the Python oracles.
enum Oracle {
    static let python: String? = {
        guard let path = ProcessInfo.processInfo.environment["REACHY_ORACLE_PYTHON"], !path.isEmpty,
            FileManager.default.isExecutableFile(atPath: path)
        else { return nil }
        return path
    }()

    static let scripts = RepositoryPaths.root.appendingPathComponent("Tests/ReachySimulatorTests/Oracles")

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `script` with `arguments` (with the oracle venv's python unless another is given); returns its JSON
    /// object. Fails after `timeout` seconds.
    static func run(
        _ script: String, _ arguments: String..., python interpreter: String? = Oracle.python,
        environment: [String: String] = [:], timeout: TimeInterval = 60
    ) throws -> [String: Any] {
        guard let python = interpreter else { throw Failure(description: "no python for the oracle \(script)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [scripts.appendingPathComponent(script).path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "\(script) did not finish within \(Int(timeout)) s")
        }
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(script) exited with \(process.terminationStatus): \(stderr)")
        }
        guard let json = try JSONSerialization.jsonObject(with: stdout) as? [String: Any] else {
            throw Failure(description: "\(script) printed no JSON object: \(String(decoding: stdout, as: UTF8.self))")
        }
        return json
    }
}
