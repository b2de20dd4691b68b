import Dynamixel
import Testing

@testable import ReachySimulator

/// Motion on the virtual clock: deterministic, faster than real time.
@Suite struct MotionTests {
    @Test func positionFollowsGoalAtAPlausibleSpeed() throws {
        let (_, clock, host) = makeRobot()
        #expect(try host.write(17, Address.torqueEnable, 1, size: 1)?.error == .ok)
        #expect(try host.write(17, Address.goalPosition, 3048, size: 4)?.error == .ok)
        clock.advance(by: .milliseconds(20))
        let early = try #require(try host.read(17, Address.presentPosition, size: 4)?.value)
        // Moving towards the goal but not there after 20 ms (no-load 383 rpm ≈ 26,000 pulses/s caps at 0.229·1620 rpm).
        #expect(early > 2048 && early < 3048)
        #expect(try host.read(17, Address.moving, size: 1)?.value == 1)
        #expect(try host.read(17, Address.presentVelocity, size: 4)?.value ?? 0 > 0)
        clock.advance(by: .seconds(1))
        #expect(try host.read(17, Address.presentPosition, size: 4)?.value == 3048)
        #expect(try host.read(17, Address.moving, size: 1)?.value == 0)
        #expect(try host.read(17, Address.movingStatus, size: 1)?.value.map { $0 & 1 } == 1)
    }

    @Test func profileVelocityBoundsTheSpeed() throws {
        let (_, clock, host) = makeRobot()
        #expect(try host.write(18, Address.profileVelocity, 10, size: 4)?.error == .ok)  // 2.29 rpm ≈ 156 pulses/s
        #expect(try host.write(18, Address.torqueEnable, 1, size: 1)?.error == .ok)
        #expect(try host.write(18, Address.goalPosition, 3048, size: 4)?.error == .ok)
        clock.advance(by: .seconds(1))
        let position = try #require(try host.read(18, Address.presentPosition, size: 4)?.value)
        #expect(abs(position - (2048 + 156)) <= 2)
        #expect(try host.read(18, Address.presentVelocity, size: 4)?.value == 10)
    }

    @Test func torqueOffHoldsStillAndHandMovesTheJoint() throws {
        let (robot, clock, host) = makeRobot()
        #expect(try host.write(10, Address.goalPosition, 3000, size: 4)?.error == .ok)
        clock.advance(by: .seconds(2))
        #expect(try host.read(10, Address.presentPosition, size: 4)?.value == 2048)
        robot.bus.setHandPosition(id: 10, 1234)
        #expect(try host.read(10, Address.presentPosition, size: 4)?.value == 1234)
        // Torque on: the joint returns to its goal.
        #expect(try host.write(10, Address.torqueEnable, 1, size: 1)?.error == .ok)
        clock.advance(by: .seconds(3))
        #expect(try host.read(10, Address.presentPosition, size: 4)?.value == 3000)
    }

    @Test func homingOffsetMapsStewartJointsToTheirShaft() throws {
        let (robot, clock, host) = makeRobot()
        #expect(try host.write(11, Address.torqueEnable, 1, size: 1)?.error == .ok)
        #expect(try host.write(11, Address.goalPosition, 2500, size: 4)?.error == .ok)
        clock.advance(by: .seconds(1))
        #expect(try host.read(11, Address.presentPosition, size: 4)?.value == 2500)
        // Present = shaft + 1024 for odd Stewart motors.
        #expect(robot.bus.servo(11)?.shaftPosition.rounded() == 1476)
    }
}
