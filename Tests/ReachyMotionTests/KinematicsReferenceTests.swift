import Foundation
import Testing

@testable import ReachyMotion

struct KinematicsReference: Decodable {
    struct Worked: Decodable {
        var pose: [Double]
        var body_yaw: Double
        var joints: [Double]
    }
    struct IKCase: Decodable {
        var xyzrpy: [Double]
        var pose: [Double]
        var body_yaw: Double
        var automatic_body_yaw: Bool
        var joints: [Double]?
    }
    struct FKCase: Decodable {
        var joints: [Double]
        var pose: [Double]
        var official_fk: [Double]
    }
    var worked_example: Worked
    var ik: [IKCase]
    var fk: [FKCase]
}

@Suite("Kinematics against the official reachy-mini 1.13.0 analytical kinematics")
struct KinematicsReferenceTests {
    let reference: KinematicsReference

    init() throws {
        reference = try TestData.load(KinematicsReference.self, "kinematics_reference.json")
    }

    @Test("worked example: z 10 mm, pitch 10°, yaw 15°, body 0")
    func workedExample() throws {
        let pose = HeadPose.degrees(x: 0, y: 0, z: 0.01, roll: 0, pitch: 10, yaw: 15)
        let joints = try ReachyKinematics.reachyMini.inverse(pose, bodyYaw: 0)
        let expected = [
            0, 0.8675318508731868, -0.7769621737372109, 1.1043309040906664, -0.975058249602993, 0.9160330474386166,
            -0.7243635326416665,
        ]
        #expect(maxAbsDifference(joints.values, expected) < 1e-9)
        // Same with the automatic body yaw switched off (|15° − 0| < 65°, so the body does not move either way).
        let manual = try ReachyKinematics.reachyMini.inverse(pose, bodyYaw: 0, automaticBodyYaw: false)
        #expect(maxAbsDifference(manual.values, expected) < 1e-9)
        // The pose matrix printed in the reference.
        let rows: [[Double]] = [
            [0.951251, -0.258819, 0.167731, 0], [0.254887, 0.965926, 0.044943, 0], [-0.173648, 0, 0.984808, 0.01],
            [0, 0, 0, 1],
        ]
        #expect(maxAbsDifference(pose.rowMajor, rows.flatMap { $0 }) < 1e-6)
        #expect(maxAbsDifference(pose.rowMajor, reference.worked_example.pose) < 1e-15)
    }

    @Test("worked example raw goal counts match the reference table")
    func workedExampleRaw() throws {
        let pose = HeadPose.degrees(z: 0.01, pitch: 10, yaw: 15)
        let joints = try ReachyKinematics.reachyMini.inverse(pose)
        let raw = JointVector(head: joints, antennas: .zero).rawPositions
        // The reference table is the official driver's, which truncates; the bus rounds to the nearest count
        // (`DynamixelUnits.position(fromRadians:)`), so some counts are one higher, none further off.
        let official = [2048, 2613, 1541, 2767, 1412, 2645, 1575]
        #expect(Array(raw.prefix(7)) == [2048, 2614, 1541, 2768, 1412, 2645, 1576])
        #expect(zip(raw, official).allSatisfy { ours, theirs in (0...1).contains(ours - theirs) })
    }

    @Test("IK matches every generated case to 1e-9 rad (automatic body yaw on and off)")
    func inverseKinematicsCases() throws {
        #expect(reference.ik.count >= 200)
        var reachable = 0
        var unreachable = 0
        var automatic = 0
        for c in reference.ik {
            let pose = try HeadPose(rowMajor: c.pose)
            // The builder reproduces the SDK's create_head_pose.
            let v = c.xyzrpy
            let built = HeadPose(x: v[0], y: v[1], z: v[2], roll: v[3], pitch: v[4], yaw: v[5])
            #expect(built.maxDifference(to: pose) < 1e-15)
            if let expected = c.joints {
                reachable += 1
                if c.automatic_body_yaw { automatic += 1 }
                let joints = try ReachyKinematics.reachyMini.inverse(
                    pose, bodyYaw: c.body_yaw, automaticBodyYaw: c.automatic_body_yaw)
                let diff = maxAbsDifference(joints.values, expected)
                #expect(diff < 1e-9, "case \(c.xyzrpy) body \(c.body_yaw): off by \(diff)")
            } else {
                unreachable += 1
                #expect(throws: KinematicsError.self) {
                    try ReachyKinematics.reachyMini.inverse(
                        pose, bodyYaw: c.body_yaw, automaticBodyYaw: c.automatic_body_yaw)
                }
            }
        }
        #expect(reachable >= 200 && unreachable >= 20 && automatic >= 100)
    }

    @Test("the automatic body yaw actually moved the body in some cases")
    func automaticBodyYawMoves() throws {
        let moved = reference.ik.filter { c in
            guard let j = c.joints, c.automatic_body_yaw else { return false }
            return abs(j[0] - c.body_yaw) > 1e-6
        }
        #expect(moved.count >= 30)
        for c in moved {
            let j = try ReachyKinematics.reachyMini.inverse(try HeadPose(rowMajor: c.pose), bodyYaw: c.body_yaw)
            #expect(abs(j.body - (c.joints?[0] ?? .nan)) < 1e-12)
            #expect(abs(j.body) <= radians(160) + 1e-12)
        }
    }

    @Test("FK from a cold start recovers every reference pose to 1e-6")
    func forwardKinematicsCold() throws {
        #expect(reference.fk.count >= 200)
        for c in reference.fk {
            var fk = ForwardKinematics()
            let pose = try fk.pose(for: try HeadJoints(c.joints))
            let diff = maxAbsDifference(pose.rowMajor, c.pose)
            #expect(diff < 1e-6, "joints \(c.joints): off by \(diff)")
            // The official (3-iteration-style, 1e-6 residual) solver lands within 1e-4 of the same pose.
            #expect(maxAbsDifference(pose.rowMajor, c.official_fk) < 1e-4)
        }
    }

    @Test("FK warm-started along a sequence converges in few iterations and stays exact")
    func forwardKinematicsWarm() throws {
        var fk = ForwardKinematics()
        let kin = ReachyKinematics.reachyMini
        var maxIterations = 0
        for i in 0..<200 {
            let t = Double(i) / 50
            let target = HeadPose(
                x: 0.01 * sin(t), y: 0.008 * cos(t), z: 0.004 * sin(3 * t), roll: 0.2 * sin(2 * t),
                pitch: 0.1 * cos(1.5 * t), yaw: 0.6 * sin(t))
            let joints = try kin.inverse(target, bodyYaw: 0.3 * sin(t))
            let pose = try fk.pose(for: joints)
            #expect(pose.maxDifference(to: target) < 1e-9)
            if i > 0 { maxIterations = max(maxIterations, fk.lastIterations) }
        }
        #expect(maxIterations <= 4)
    }

    @Test("FK rejects non-finite joints with a typed error")
    func forwardKinematicsRejectsNaN() {
        var fk = ForwardKinematics()
        #expect(throws: KinematicsError.notFinite(what: "joint vector")) {
            try fk.pose(for: HeadJoints(body: 0, s1: .nan, s2: 0, s3: 0, s4: 0, s5: 0, s6: 0))
        }
    }

    @Test("FK refuses joints no head pose satisfies, and the warm start survives the failure")
    func forwardKinematicsImpossible() throws {
        var fk = ForwardKinematics()
        let neutral = try ReachyKinematics.reachyMini.inverse(.identity)
        #expect(try fk.pose(for: neutral).maxDifference(to: .identity) < 1e-9)
        do {
            _ = try fk.pose(for: HeadJoints(body: 0, s1: 1.5, s2: 1.5, s3: 1.5, s4: 1.5, s5: 1.5, s6: 1.5))
            Issue.record("expected an error")
        } catch {
            guard case .didNotConverge(let residual) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(residual > 1e-3)
            #expect(error.description.hasPrefix("Forward kinematics did not converge"))
        }
        // The estimate was not overwritten by the failed call: the next tick converges immediately.
        let near = try ReachyKinematics.reachyMini.inverse(HeadPose(z: 0.001))
        #expect(try fk.pose(for: near).maxDifference(to: HeadPose(z: 0.001)) < 1e-9)
        #expect(fk.lastIterations <= 3)
    }

    @Test("reference poses: INIT head gives ±0.62654 rad; the SLEEP pose round-trips through IK and FK")
    func referencePoses() throws {
        let initial = try ReachyKinematics.reachyMini.inverse(.identity)
        let expected = [0, 0.62655, -0.62654, 0.62654, -0.62654, 0.62654, -0.62654]
        #expect(maxAbsDifference(initial.values, expected) < 2e-5)
        // SLEEP_HEAD_POSE (3-decimal rounded in the SDK, so orthonormalised first).
        let rows: [[Double]] = [
            [0.911, 0.004, 0.413, -0.021], [-0.004, 1, -0.001, 0.001], [-0.413, -0.001, 0.911, -0.044], [0, 0, 0, 1],
        ]
        let raw = try HeadPose(rows: rows)
        let sleep = HeadPose(rotation: try #require(raw.rotation.nearestRotation), translation: raw.translation)
        #expect(sleep.maxDifference(to: raw) < 1e-3)
        let joints = try ReachyKinematics.reachyMini.inverse(sleep)
        var fk = ForwardKinematics()
        #expect(try fk.pose(for: joints).maxDifference(to: sleep) < 1e-9)
        #expect(abs(degrees(sleep.euler.pitch) - 24.4) < 0.5)
    }

    @Test("an unreachable pose names the failing motor in its message")
    func unreachableMessage() {
        do {
            _ = try ReachyKinematics.reachyMini.inverse(HeadPose(z: 0.2))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("not reachable"))
            #expect(error.description.contains("z 200 mm"))
            #expect(error.description.contains("stewart_"))
        }
    }
}
