import ReachyMiniDescription
import Testing

@testable import ReachySimulator

/// The simulator's factory robot is built from the bundled robot description (`reachy-mini.json`): every servo's
/// registers hold the described values.
@Suite struct FactoryDescriptionTests {
    typealias T = VirtualControlTable

    @Test func factoryServosHoldTheDescribedSettings() throws {
        let description = try RobotDescription.reachyMini()
        #expect(ReachyMiniFactory.baudRate == description.bus.baudRate)
        #expect(ReachyMiniFactory.baudRateCode == description.bus.baudRateRegisterValue)
        #expect(ReachyMiniFactory.motors.map(\.id) == description.motors.map(\.id))
        for (described, motor) in zip(description.motors, ReachyMiniFactory.motors) {
            let servo = ReachyMiniFactory.servo(for: motor)
            let expected: [(VirtualRegister, Int64)] = [
                (T.modelNumber, Int64(described.model.number)), (T.id, Int64(described.id)),
                (T.baudRate, Int64(description.bus.baudRateRegisterValue)),
                (T.returnDelayTime, Int64(described.returnDelayTime)),
                (T.operatingMode, Int64(described.operatingMode)), (T.shutdown, Int64(described.shutdown)),
                (T.homingOffset, Int64(described.homingOffset)),
                (T.minPositionLimit, Int64(described.positionLimits.min)),
                (T.maxPositionLimit, Int64(described.positionLimits.max)),
                (T.positionPGain, Int64(described.pid.p)), (T.positionIGain, Int64(described.pid.i)),
                (T.positionDGain, Int64(described.pid.d)),
            ]
            #expect(motor.name == described.name)
            for (register, value) in expected {
                #expect(servo.value(register) == value, "\(described.name) \(register.name)")
            }
        }
    }

    @Test func unknownModelIsRefusedWithTheKnownOnes() throws {
        var described = try #require(RobotDescription.bundledReachyMini.motors.first)
        described.model.number = 9999
        #expect(throws: ReachyMiniMotorError.unknownModel(motor: "body_rotation", number: 9999)) {
            _ = try ReachyMiniMotor(described)
        }
        let message = ReachyMiniMotorError.unknownModel(motor: "body_rotation", number: 9999).description
        #expect(message.contains("1200 (XL330-M288-T)"))
    }
}
