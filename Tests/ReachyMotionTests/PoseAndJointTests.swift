import Dynamixel
import Foundation
import Testing

@testable import ReachyMotion

@Suite("Poses, Euler angles and joint vectors")
struct PoseAndJointTests {
    @Test("Euler angles round-trip through the rotation matrix (R = Rz·Ry·Rx)")
    func eulerRoundTrip() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let e = EulerAngles(
                roll: .random(in: -3...3, using: &rng), pitch: .random(in: -1.5...1.5, using: &rng),
                yaw: .random(in: -3...3, using: &rng))
            let back = Matrix3.rotation(e).euler
            #expect(abs(back.roll - e.roll) < 1e-9 && abs(back.pitch - e.pitch) < 1e-9 && abs(back.yaw - e.yaw) < 1e-9)
        }
    }

    @Test("the convention is extrinsic xyz: pure angles give the textbook matrices and +pitch turns x down")
    func convention() {
        let p = HeadPose.degrees(pitch: 90)
        // Rx then Ry then Rz: a +90° pitch sends the forward axis (x) to −z.
        #expect((p.rotation * Vector3(1, 0, 0) - Vector3(0, 0, -1)).length < 1e-12)
        let y = HeadPose(yaw: .pi / 2)
        #expect((y.rotation * Vector3(1, 0, 0) - Vector3(0, 1, 0)).length < 1e-12)
        let combined = HeadPose(roll: 0.1, pitch: 0.2, yaw: 0.3).rotation
        let manual = Matrix3.rotationZ(0.3) * Matrix3.rotationY(0.2) * Matrix3.rotationX(0.1)
        #expect(
            HeadPose(rotation: combined, translation: .zero).maxDifference(
                to: HeadPose(rotation: manual, translation: .zero)) < 1e-15)
    }

    @Test("rotation vectors round-trip, including angles near π")
    func rotationVector() {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            var v = Vector3(
                .random(in: -1...1, using: &rng), .random(in: -1...1, using: &rng), .random(in: -1...1, using: &rng))
            v = v * (Double.random(in: 0...(Double.pi - 1e-6), using: &rng) / max(v.length, 1e-9))
            let back = Matrix3.rotation(vector: v).rotationVector
            #expect((back - v).length < 1e-7)
        }
        #expect(Matrix3.identity.rotationVector == .zero)
    }

    @Test("nearestRotation repairs a rounded matrix and rejects reflections")
    func nearestRotation() throws {
        let rounded = Matrix3(Vector3(0.911, 0.004, 0.413), Vector3(-0.004, 1, -0.001), Vector3(-0.413, -0.001, 0.911))
        let r = try #require(rounded.nearestRotation)
        let rrt = r * r.transposed
        #expect(abs(rrt.r0.x - 1) < 1e-14 && abs(rrt.r0.y) < 1e-14 && abs(r.determinant - 1) < 1e-14)
        let reflection = Matrix3(Vector3(-1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1))
        #expect(reflection.nearestRotation == nil)
    }

    @Test("pose parsing checks shape, finiteness and the homogeneous row")
    func poseParsing() throws {
        let identity = try HeadPose(rows: HeadPose.identity.rows)
        #expect(identity == .identity)
        #expect(throws: PoseError.wrongShape(description: "3 rows of [4, 4, 4]")) {
            try HeadPose(rows: [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]])
        }
        #expect(throws: PoseError.notFinite) {
            try HeadPose(rowMajor: [1, 0, 0, .nan, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])
        }
        #expect(throws: PoseError.notHomogeneous(lastRow: [0, 0, 1, 1])) {
            try HeadPose(rowMajor: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1])
        }
    }

    @Test("Codable: poses as 4×4 rows (or 16 numbers), joints and antennas as arrays")
    func codable() throws {
        let pose = HeadPose.degrees(x: 0.01, roll: 5, yaw: -20)
        let data = try JSONEncoder().encode(pose)
        let rows = try JSONDecoder().decode([[Double]].self, from: data)
        #expect(rows == pose.rows)
        #expect(try JSONDecoder().decode(HeadPose.self, from: data) == pose)
        let flat = try JSONDecoder().decode(HeadPose.self, from: JSONEncoder().encode(pose.rowMajor))
        #expect(flat == pose)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(HeadPose.self, from: Data("[[1,0,0,0],[0,1,0,0]]".utf8))
        }
        let joints = HeadJoints(body: 0.1, s1: 1, s2: 2, s3: 3, s4: 4, s5: 5, s6: 6)
        #expect(String(decoding: try JSONEncoder().encode(joints), as: UTF8.self) == "[0.1,1,2,3,4,5,6]")
        #expect(try JSONDecoder().decode(HeadJoints.self, from: JSONEncoder().encode(joints)) == joints)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Antennas.self, from: Data("[1,2,3]".utf8)) }
    }

    @Test("reference postures: the sleep pose is a proper rotation near the SDK's rounded matrix")
    func referencePostures() throws {
        let sleep = ReferencePoses.sleepHead
        #expect(abs(sleep.rotation.determinant - 1) < 1e-12)
        #expect(abs(degrees(sleep.euler.pitch) - 24.4) < 0.1)
        #expect(sleep.translation == Vector3(-0.021, 0.001, -0.044))
        #expect(ReferencePoses.initHead == .identity)
        #expect(ReferencePoses.sleepAntennas == Antennas(right: -3.05, left: 3.05))
        // Both postures are inside the safety limits and reachable.
        let safe = SafeKinematics()
        #expect(try safe.motorGoals(head: sleep, antennas: ReferencePoses.sleepAntennas).isUnchanged)
        #expect(try safe.motorGoals(head: .identity, antennas: ReferencePoses.initAntennas).isUnchanged)
    }

    @Test("motors: canonical order, IDs 10…18, official names")
    func motors() {
        #expect(ReachyMotor.allCases.map(\.id) == Array(10...18))
        #expect(
            ReachyMotor.allCases.map(\.name) == [
                "body_rotation", "stewart_1", "stewart_2", "stewart_3", "stewart_4", "stewart_5", "stewart_6",
                "right_antenna", "left_antenna",
            ])
        #expect(ReachyMotor(id: 14) == .stewart4 && ReachyMotor(id: 9) == nil && ReachyMotor(id: 19) == nil)
        #expect(ReachyMotor(name: "left_antenna") == .leftAntenna)
        let v = try? JointVector(motorOrder: [0, 1, 2, 3, 4, 5, 6, 7, 8])
        #expect(v?.head.s4 == 4 && v?.antennas.right == 7 && v?.antennas.left == 8)
        #expect(v?[.stewart6] == 6)
        #expect(throws: JointError.wrongCount(expected: 9, got: 3)) { try JointVector(motorOrder: [1, 2, 3]) }
    }

    @Test("raw counts: 2048 is 0 rad, EEPROM limits map to the documented degrees, every count round-trips")
    func rawConversion() {
        #expect(DynamixelUnits.radians(fromPosition: 2048) == 0)
        #expect(abs(degrees(ReachyMotor.stewart1.eepromLimits.lowerBound) - -47.99) < 0.01)
        #expect(abs(degrees(ReachyMotor.stewart1.eepromLimits.upperBound) - 80.0) < 0.1)
        #expect(abs(degrees(ReachyMotor.stewart4.eepromLimits.upperBound) - 48.0) < 0.1)
        for raw in 0...4095 {
            #expect(DynamixelUnits.position(fromRadians: DynamixelUnits.radians(fromPosition: raw)) == raw)
        }
        // Raw joint positions are what the bus writes: the same nearest-count rule.
        let joints = JointVector(
            head: HeadJoints(body: 0, s1: 0.86753, s2: 0, s3: 0, s4: 0, s5: 0, s6: 0), antennas: .zero)
        #expect(joints.rawPositions == [2048, 2614, 2048, 2048, 2048, 2048, 2048, 2048, 2048])
    }
}
