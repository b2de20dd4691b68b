import Foundation
import Testing

@testable import ReachySimulator

/// The simulator's factory table agrees with the repository's hardware description (`hardware/reachy-mini.json`).
@Suite struct FactoryDescriptionTests {
    struct Description: Decodable {
        struct Bus: Decodable {
            let baudRate: Int
            let baudRateRegisterValue: Int
        }
        struct Motor: Decodable {
            struct Model: Decodable { let number: Int }
            struct Limits: Decodable {
                let min: Int
                let max: Int
            }
            struct PID: Decodable {
                let p: Int
                let i: Int
                let d: Int
            }
            let name: String
            let id: Int
            let model: Model
            let homingOffset: Int
            let positionLimits: Limits
            let pid: PID
            let operatingMode: Int
            let returnDelayTime: Int
            let shutdown: Int
        }
        let bus: Bus
        let motors: [Motor]
    }

    @Test func factoryTableMatchesHardwareDescription() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("hardware/reachy-mini.json")
        let description = try JSONDecoder().decode(Description.self, from: Data(contentsOf: file))
        #expect(description.bus.baudRate == ReachyMiniFactory.baudRate)
        #expect(description.bus.baudRateRegisterValue == Int(ReachyMiniFactory.baudRateCode))
        #expect(description.motors.map(\.id) == ReachyMiniFactory.motors.map { Int($0.id) })
        for (described, simulated) in zip(description.motors, ReachyMiniFactory.motors) {
            #expect(described.name == simulated.name)
            #expect(described.model.number == Int(simulated.model.number))
            #expect(described.homingOffset == Int(simulated.homingOffset))
            #expect(described.positionLimits.min == Int(simulated.positionLimits.lowerBound))
            #expect(described.positionLimits.max == Int(simulated.positionLimits.upperBound))
            #expect(
                [described.pid.p, described.pid.i, described.pid.d]
                    == [simulated.positionGains.p, simulated.positionGains.i, simulated.positionGains.d].map(Int.init))
            #expect(described.operatingMode == Int(ReachyMiniFactory.operatingMode))
            #expect(described.returnDelayTime == Int(ReachyMiniFactory.returnDelayTime))
            #expect(described.shutdown == Int(ReachyMiniFactory.shutdown))
        }
    }
}
