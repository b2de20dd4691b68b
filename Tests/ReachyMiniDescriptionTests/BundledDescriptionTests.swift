import Foundation
import Testing

@testable import ReachyMiniDescription

/// The bundled resource is the one description: it loads, and `hardware/reachy-mini.json` (a symlink to it, so
/// there is one copy) reads as the same bytes.
@Suite struct BundledDescriptionTests {
    @Test func humanFacingFileIsTheResource() throws {
        let human = hardwareDirectory().appendingPathComponent("reachy-mini.json")
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: human.path)
        #expect(target == "../Sources/ReachyMiniDescription/Resources/reachy-mini.json")
    }

    @Test func humanFacingFileIsByteIdenticalToTheResource() throws {
        let resource = try #require(Bundle.module.url(forResource: "reachy-mini", withExtension: "json"))
        let bundled = try Data(contentsOf: resource)
        let human = try Data(contentsOf: hardwareDirectory().appendingPathComponent("reachy-mini.json"))
        #expect(
            bundled == human,
            """
            hardware/reachy-mini.json and the bundled Resources/reachy-mini.json differ; \
            hardware/reachy-mini.json must stay a symlink to Sources/ReachyMiniDescription/Resources/reachy-mini.json
            """)
    }

    @Test func bundledDescriptionLoadsAndIsTheFile() throws {
        let loaded = try RobotDescription.reachyMini()
        #expect(loaded == RobotDescription.bundledReachyMini)
        #expect(loaded.motors.map(\.id) == Array(10...18))
        #expect(loaded.motors.first?.name == "body_rotation")
        #expect(loaded.motors.last?.name == "left_antenna")
    }

    @Test func baudRegisterValueMustSelectTheBaudRate() throws {
        var robot = RobotDescription.bundledReachyMini
        robot.bus.baudRateRegisterValue = 1
        #expect(robot.validate() == ["bus.baudRateRegisterValue 1 does not select 1000000 bps (it should be 3)"])
        robot.bus.baudRateRegisterValue = 3
        #expect(robot.validate().isEmpty)
    }

    @Test func closedRangeOfRawLimits() {
        #expect(RawPositionRange(min: 1138, max: 2594).closedRange == 1138...2594)
    }
}
