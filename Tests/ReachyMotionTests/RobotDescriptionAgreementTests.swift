import Dynamixel
import ReachyMiniDescription
import Testing

@testable import ReachyMotion

/// The motion layer's motor enum must say what the robot description says: its cases, IDs and names are typed in
/// (they are the motion API), its limits and expected configuration are derived; this checks both.
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
            let lowest = DynamixelUnits.radians(fromPosition: Int(described.positionLimits.min))
            let highest = DynamixelUnits.radians(fromPosition: Int(described.positionLimits.max))
            #expect(motor.eepromLimits.lowerBound >= lowest - 1e-12, "\(motor.name)")
            #expect(motor.eepromLimits.upperBound <= highest + 1e-12, "\(motor.name)")
        }
    }

    @Test func expectedConfigurationIsTheDescriptions() throws {
        let description = try RobotDescription.reachyMini()
        let configuration = RobotConfiguration.reachyMini
        #expect(configuration.motors.map(\.name) == description.motors.map(\.name))
        for (expected, described) in zip(configuration.motors, description.motors) {
            #expect(expected == MotorConfiguration(described))
            #expect(expected.homingOffset == described.homingOffset, "\(described.name)")
            #expect(expected.p == described.pid.p, "\(described.name)")
            #expect(expected.shutdown == described.shutdown, "\(described.name)")
        }
        #expect(ReachyMotor(name: "stewart_5")?.id == 15)
    }

    @Test func defaultSafetyLimitsStayInsideTheJointLimits() throws {
        let description = try RobotDescription.reachyMini()
        let limits = SafetyLimits.reachyMini
        for motor in [ReachyMotor.bodyRotation, .rightAntenna, .leftAntenna] {
            let described = try #require(description.motor(id: Int(motor.id))).jointLimitsDegrees
            let range = limits.range(of: motor)
            #expect(range.lowerBound >= described.min * .pi / 180 - 1e-9, "\(motor.name)")
            #expect(range.upperBound <= described.max * .pi / 180 + 1e-9, "\(motor.name)")
        }
        let body = try #require(description.motor(named: "body_rotation")).jointLimitsDegrees
        #expect(abs(limits.maxBodyYaw - body.max * .pi / 180) < 1e-12)
    }
}
