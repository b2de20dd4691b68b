import Dynamixel
import Foundation
import Testing

@testable import ReachyMotion

@Suite("Safety limits")
struct SafetyTests {
    let safe = SafeKinematics()

    func assertWithinLimits(_ goals: JointVector, _ limits: SafetyLimits = .reachyMini, _ context: String = "") {
        for motor in ReachyMotor.allCases {
            let v = goals[motor]
            #expect(v.isFinite && limits.range(of: motor).contains(v), "\(motor.name) = \(v) \(context)")
            #expect(
                motor.rawPositionLimits.contains(DynamixelUnits.position(fromRadians: v)),
                "\(motor.name) raw \(context)")
        }
    }

    @Test("a pose inside every limit is untouched and matches plain IK")
    func untouched() throws {
        let pose = HeadPose.degrees(z: 0.01, pitch: 10, yaw: 15)
        let result = try safe.headJoints(head: pose)
        #expect(result.isUnchanged)
        #expect(result.value == (try ReachyKinematics.reachyMini.inverse(pose)))
    }

    @Test("roll and pitch beyond ±40° are clamped and reported")
    func rollPitchClamp() throws {
        let result = try safe.headJoints(head: .degrees(roll: 50, pitch: 5))
        #expect(result.clamps.map(\.joint) == ["head.roll"])
        #expect(abs(result.clamps[0].requested - radians(50)) < 1e-12)
        #expect(abs(result.clamps[0].applied - radians(40)) < 1e-12)
        let expected = try ReachyKinematics.reachyMini.inverse(.degrees(roll: 40, pitch: 5))
        #expect(maxAbsDifference(result.value.values, expected.values) < 1e-12)
        let pitched = try safe.headJoints(head: .degrees(pitch: -45))
        #expect(pitched.clamps.map(\.joint) == ["head.pitch"])
        #expect(abs(pitched.clamps[0].applied - radians(-40)) < 1e-12)
    }

    @Test("z outside −50…+20 mm is clamped")
    func zClamp() throws {
        let result = try safe.headJoints(head: HeadPose(z: 0.05))
        #expect(result.clamps == [ClampEntry(joint: "head.z", requested: 0.05, applied: 0.02)])
    }

    @Test("automatic body yaw: a 100° head turn brings the body to 35°")
    func automaticBodyYaw() throws {
        let result = try safe.headJoints(head: .degrees(yaw: 100), bodyYaw: 0)
        #expect(abs(result.value.body - radians(35)) < 1e-12)
        #expect(result.isUnchanged)
    }

    @Test("manual body yaw: the body is clamped to ±160° and the head yaw to within 65° of it")
    func manualBodyYaw() throws {
        let manual = SafeKinematics(automaticBodyYaw: false)
        let result = try manual.headJoints(head: .degrees(yaw: 100), bodyYaw: radians(170))
        #expect(result.clamps.map(\.joint) == ["body_yaw"])
        #expect(abs(result.value.body - radians(160)) < 1e-12)
        let turned = try manual.headJoints(head: .degrees(yaw: 100), bodyYaw: 0)
        #expect(turned.clamps.map(\.joint) == ["head.yaw"])
        #expect(abs(turned.clamps[0].applied - radians(65)) < 1e-12)
        #expect(turned.value == (try ReachyKinematics.reachyMini.inverse(.degrees(yaw: 65), automaticBodyYaw: false)))
    }

    @Test("unreachable poses are rejected with a typed error naming the pose")
    func unreachable() {
        do {
            _ = try safe.headJoints(head: HeadPose(x: 0.08))
            Issue.record("expected an error")
        } catch {
            guard case .unreachable = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(error.description.hasPrefix("Refusing to move: head pose (x 80 mm, y 0 mm, z 0 mm"))
        }
    }

    @Test("NaN, infinities and non-rotations are refused")
    func refusesGarbage() {
        #expect(throws: SafetyError.notFinite(what: "body yaw")) { try safe.headJoints(head: .identity, bodyYaw: .nan) }
        #expect(throws: SafetyError.notFinite(what: "head pose")) {
            try safe.headJoints(head: HeadPose(x: .infinity))
        }
        let scaled = HeadPose(rotation: Matrix3.identity * 2, translation: .zero)
        #expect(throws: SafetyError.notARotation) { try safe.headJoints(head: scaled) }
        #expect(throws: SafetyError.notFinite(what: "left_antenna target")) {
            try safe.motorGoals(head: .identity, antennas: Antennas(right: 0, left: .nan))
        }
    }

    @Test("a rotation written with three decimals (like the official sleep pose) is accepted as the nearest rotation")
    func nearlyOrthonormalIsProjected() throws {
        // The official client's sleep pose, rounded by hand: MMᵀ is off identity by ≈5e-4.
        let rounded = Matrix3(
            Vector3(0.911, 0.004, 0.413), Vector3(-0.004, 1.0, -0.001), Vector3(-0.413, -0.001, 0.911))
        let pose = HeadPose(rotation: rounded, translation: Vector3(-0.021, 0.001, -0.044))
        let clamped = try safe.limits.clampPose(pose, bodyYaw: 0, automaticBodyYaw: false).value.pose
        #expect(SafetyLimits.orthonormalityError(clamped.rotation) < 1e-12)
        #expect(abs(clamped.rotation.determinant - 1) < 1e-12)
        for (a, b) in zip(
            [clamped.rotation.r0, clamped.rotation.r1, clamped.rotation.r2], [rounded.r0, rounded.r1, rounded.r2])
        {
            #expect(abs(a.x - b.x) < 1e-3 && abs(a.y - b.y) < 1e-3 && abs(a.z - b.z) < 1e-3)
        }
        _ = try safe.headJoints(head: pose)
        // A shear of 20 % is a mistake, not rounding: still refused.
        let sheared = Matrix3(Vector3(1, 0.2, 0), Vector3(0, 1, 0), Vector3(0, 0, 1))
        #expect(throws: SafetyError.notARotation) {
            try safe.headJoints(head: HeadPose(rotation: sheared, translation: .zero))
        }
        let mirrored = Matrix3(Vector3(-1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1))
        #expect(throws: SafetyError.notARotation) {
            try safe.headJoints(head: HeadPose(rotation: mirrored, translation: .zero))
        }
    }

    @Test("joint targets are clamped to the EEPROM limits with a report")
    func jointClamp() throws {
        var target = JointVector(head: try ReachyKinematics.reachyMini.inverse(.identity), antennas: .zero)
        target.head.s1 = 2.0  // stewart_1 max is 2958 counts ≈ 1.396 rad
        target.antennas.left = -4
        let result = try SafetyLimits.reachyMini.clamp(target)
        #expect(result.clamps.map(\.joint) == ["stewart_1", "left_antenna"])
        #expect(result.value.head.s1 == ReachyMotor.stewart1.eepromLimits.upperBound)
        #expect(result.value.antennas.left == -Double.pi)
        #expect(result.value.rawPositions[1] == 2958)
    }

    @Test("the speed cap limits each joint's step to maxJointSpeed·dt")
    func speedCap() throws {
        let current = JointVector(head: try ReachyKinematics.reachyMini.inverse(.identity), antennas: .zero)
        var target = current
        target.head.body = 1
        target.antennas.right = -0.05
        let result = try SafetyLimits.reachyMini.limitSpeed(from: current, to: target, dt: 0.02)
        #expect(abs(result.value.head.body - 0.16) < 1e-12)  // 8 rad/s × 20 ms
        #expect(result.value.antennas.right == -0.05)  // small step passes
        #expect(result.clamps == [ClampEntry(joint: "body_rotation", requested: 1, applied: result.value.head.body)])
        var unlimited = SafetyLimits.reachyMini
        unlimited.maxJointSpeed = .infinity
        #expect(try unlimited.limitSpeed(from: current, to: target, dt: 0.02) == Clamped(value: target, clamps: []))
        #expect(throws: SafetyError.invalidTimeStep(0)) {
            try SafetyLimits.reachyMini.limitSpeed(from: current, to: target, dt: 0)
        }
    }

    @Test("property: random and absurd targets never produce an out-of-limit motor goal")
    func neverOutOfLimits() throws {
        var rng = SeededGenerator(seed: 2026)
        let specials: [Double] = [.nan, .infinity, -.infinity, 1e300, -1e300, 0, .pi, -.pi, 1e-300]
        func value(_ scale: Double) -> Double {
            Int.random(in: 0..<10, using: &rng) == 0
                ? specials[Int.random(in: 0..<specials.count, using: &rng)]
                : Double.random(in: -scale...scale, using: &rng)
        }
        var produced = 0
        var refused = 0
        var clampedGoals = 0
        for i in 0..<4000 {
            let pose = HeadPose(
                x: value(0.1), y: value(0.1), z: value(0.1), roll: value(4), pitch: value(4), yaw: value(7))
            let antennas = Antennas(right: value(8), left: value(8))
            let solver = SafeKinematics(automaticBodyYaw: i % 2 == 0)
            // Entry point 1: task space → motor goals.
            if let goals = try? solver.motorGoals(head: pose, antennas: antennas, bodyYaw: value(6)) {
                assertWithinLimits(goals.value, .reachyMini, "motorGoals \(pose)")
                produced += 1
            } else {
                refused += 1
            }
            // Entry point 2: head joints only.
            if let joints = try? solver.headJoints(head: pose, bodyYaw: value(6)) {
                assertWithinLimits(JointVector(head: joints.value, antennas: .zero))
            }
            // Entry point 3: joint-space targets.
            let raw = (0..<9).map { _ in value(10) }
            let vector = try JointVector(motorOrder: raw)
            if let clamped = try? SafetyLimits.reachyMini.clamp(vector) {
                assertWithinLimits(clamped.value)
                if !clamped.isUnchanged { clampedGoals += 1 }
            }
            // Entry point 4: the speed cap, from a random (possibly out-of-range) current position.
            let current = try JointVector(motorOrder: (0..<9).map { _ in value(4) })
            if let capped = try? SafetyLimits.reachyMini.limitSpeed(from: current, to: vector, dt: value(1)) {
                assertWithinLimits(capped.value)
            }
            // Entry point 5: antennas alone.
            if let a = try? SafetyLimits.reachyMini.clamp(antennas) {
                #expect(SafetyLimits.reachyMini.range(of: .rightAntenna).contains(a.value.right))
                #expect(SafetyLimits.reachyMini.range(of: .leftAntenna).contains(a.value.left))
            }
        }
        // The generator really exercised both outcomes.
        #expect(produced > 200 && refused > 200 && clampedGoals > 1000)
    }
}
