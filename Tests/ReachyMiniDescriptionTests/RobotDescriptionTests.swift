import Foundation
import Testing

@testable import ReachyMiniDescription

@Suite struct RobotDescriptionTests {
    /// reachy_mini.md §1.1 and dynamixel.md §2, typed in by hand: name, ID, model, model number, homing offset,
    /// raw min, raw max, joint min°, joint max°, P gain.
    private static let reference: [(String, UInt8, String, UInt16, Int32, Int32, Int32, Double, Double, UInt16)] = [
        ("body_rotation", 10, "XC330-M288-PG", 1240, 0, 0, 4095, -160, 160, 200),
        ("stewart_1", 11, "XL330-M288-T", 1200, 1024, 1502, 2958, -48, 80, 300),
        ("stewart_2", 12, "XL330-M288-T", 1200, -1024, 1138, 2844, -80, 70, 300),
        ("stewart_3", 13, "XL330-M288-T", 1200, 1024, 1502, 2958, -48, 80, 300),
        ("stewart_4", 14, "XL330-M288-T", 1200, -1024, 1138, 2594, -80, 48, 300),
        ("stewart_5", 15, "XL330-M288-T", 1200, 1024, 1252, 2958, -70, 80, 300),
        ("stewart_6", 16, "XL330-M288-T", 1200, -1024, 1138, 2594, -80, 48, 300),
        ("right_antenna", 17, "XL330-M077-T", 1190, 0, 0, 4095, -180, 180, 200),
        ("left_antenna", 18, "XL330-M077-T", 1190, 0, 0, 4095, -180, 180, 200),
    ]

    private func load() throws -> RobotDescription {
        try RobotDescription.load(from: hardwareDirectory().appendingPathComponent("reachy-mini.json"))
    }

    @Test func everyMotorMatchesTheReferenceTable() throws {
        let robot = try load()
        #expect(robot.motors.count == 9)
        #expect(robot.motors.map(\.name) == Self.reference.map(\.0))
        for (motor, row) in zip(robot.motors, Self.reference) {
            let (name, id, model, number, homing, low, high, jointLow, jointHigh, p) = row
            #expect(motor.name == name)
            #expect(motor.id == id, "\(name)")
            #expect(motor.model.name == model, "\(name)")
            #expect(motor.model.number == number, "\(name)")
            #expect(motor.homingOffset == homing, "\(name)")
            #expect(motor.positionLimits == RawPositionRange(min: low, max: high), "\(name)")
            #expect(motor.jointLimitsDegrees == DegreeRange(min: jointLow, max: jointHigh), "\(name)")
            #expect(motor.pid == PIDGains(p: p, i: 0, d: 0), "\(name)")
            #expect(motor.operatingMode == 3, "\(name)")
            #expect(motor.returnDelayTime == 0, "\(name)")
            #expect(motor.shutdown == 52, "\(name)")
        }
    }

    @Test func baseMotorModelNumberIsMarkedUnverified() throws {
        let base = try #require(try load().motor(id: 10))
        #expect(base.model.note?.contains("unverified") == true)
    }

    @Test func busAndAudioSettings() throws {
        let robot = try load()
        #expect(robot.bus.protocol == "dynamixel-2.0")
        #expect(robot.bus.baudRate == 1_000_000)
        #expect(robot.bus.baudRateRegisterValue == 3)
        #expect(robot.bus.adapter == USBID(vendor: 0x1A86, product: 0x55D3))
        #expect(robot.bus.wirelessUART == "/dev/ttyAMA3")
        #expect(robot.bus.udevSymlink == "/dev/reachy_mini")
        #expect(robot.bus.factoryDefaults.id == 1)
        #expect(robot.bus.factoryDefaults.baudRate == 57_600)
        #expect(robot.audio.cardName == "Reachy Mini Audio")
        #expect(robot.audio.alsaID == "ReachyMiniAudio")
        #expect(robot.audio.usb == USBID(vendor: 0x38FB, product: 0x1001))
        #expect(robot.audio.sampleRate == 16_000)
        #expect(robot.bus.adapter == .reachyMiniSerialAdapter)
        #expect(robot.audio.usb == .reachyMiniAudio)
    }

    @Test func lookupByNameAndID() throws {
        let robot = try load()
        #expect(robot.motor(named: "left_antenna")?.id == 18)
        #expect(robot.motor(id: 13)?.name == "stewart_3")
        #expect(robot.motor(id: 1) == nil)
    }

    @Test func impossibleValuesAreRejected() throws {
        var robot = try load()
        robot.motors[1].positionLimits = RawPositionRange(min: 3000, max: 5000)
        robot.motors[2].homingOffset = 2048
        robot.motors[3].shutdown = 0x80
        robot.motors[8].id = 10
        robot.bus.baudRate = 250_000
        let data = try JSONEncoder().encode(robot)
        let error = #expect(throws: RobotDescriptionError.self) {
            _ = try RobotDescription.decode(data, path: "x.json")
        }
        guard case .invalid(let path, let problems) = error else {
            Issue.record("expected invalid, got \(String(describing: error))")
            return
        }
        #expect(path == "x.json")
        #expect(
            problems == [
                "bus.baudRate 250000 is not a Dynamixel rate ([9600, 57600, 115200, 1000000, 2000000, 3000000, 4000000])",
                "motor stewart_1 (ID 11): position limits 3000…5000 must lie in 0…4095, min ≤ max",
                "motor stewart_2 (ID 12): homing offset 2048 is outside ±1024, the valid range in position mode",
                "motor stewart_3 (ID 13): shutdown 128 sets bits other than 0, 2, 3, 4, 5",
                "motor ID 10 is used twice",
            ])
    }

    @Test func malformedFilesSayWhere() throws {
        let text = #"{"name": "x", "sources": [], "bus": {}, "audio": {}, "motors": []}"#
        let error = #expect(throws: RobotDescriptionError.self) {
            _ = try RobotDescription.decode(Data(text.utf8), path: "bad.json")
        }
        #expect(error == .malformed(path: "bad.json", message: "missing \"protocol\" at bus"))
        let badID = try String(
            contentsOf: hardwareDirectory().appendingPathComponent("reachy-mini.json"), encoding: .utf8
        )
        .replacingOccurrences(of: "\"1a86:55d3\"", with: "\"1a86-55d3\"")
        let idError = #expect(throws: RobotDescriptionError.self) {
            _ = try RobotDescription.decode(Data(badID.utf8), path: "bad.json")
        }
        #expect(
            idError
                == .malformed(
                    path: "bad.json", message: #"expected a USB ID like "1a86:55d3", got "1a86-55d3" at bus.adapter"#))
    }

    @Test func missingFileIsUnreadable() {
        let error = #expect(throws: RobotDescriptionError.self) {
            _ = try RobotDescription.load(from: URL(fileURLWithPath: "/nonexistent/reachy.json"))
        }
        guard case .unreadable(let path, _) = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == "/nonexistent/reachy.json")
    }
}
