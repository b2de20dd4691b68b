import ReachyHardware
import Testing

@testable import ReachyMotion

/// The motion layer's built-in motor table must say what `hardware/reachy-mini.json` says.
@Suite("Motor table agrees with hardware/reachy-mini.json")
struct RobotDescriptionAgreementTests {
    @Test func idsNamesAndPositionLimitsMatch() throws {
        let description = try RobotDescription.reachyMini()
        #expect(description.motors.map(\.id) == ReachyMotor.allCases.map(\.id))
        for motor in ReachyMotor.allCases {
            let described = try #require(description.motor(id: Int(motor.id)))
            #expect(described.name == motor.name)
            #expect(
                motor.rawPositionLimits
                    == Int(described.positionLimits.min)...Int(described.positionLimits.max),
                "\(motor.name)")
        }
    }

    @Test func safetyLimitsNeverExceedTheEEPROMLimits() throws {
        let description = try RobotDescription.reachyMini()
        for motor in ReachyMotor.allCases {
            let described = try #require(description.motor(id: Int(motor.id)))
            let lowest = MotorUnits.radians(raw: Int(described.positionLimits.min))
            let highest = MotorUnits.radians(raw: Int(described.positionLimits.max))
            #expect(motor.eepromLimits.lowerBound >= lowest - 1e-12, "\(motor.name)")
            #expect(motor.eepromLimits.upperBound <= highest + 1e-12, "\(motor.name)")
        }
    }
}
