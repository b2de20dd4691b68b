import Foundation
import HTTPTypes
import HummingbirdTesting
import ReachyBridge
import Testing

@testable import ReachyService

/// Issue 13: non-finite or absurd numbers, matrices that are not rotations and unreachable poses are refused with
/// 422 (naming the field and the allowed range) by goto as by set_target, and nothing is stored: later requests
/// still move the robot.
@Suite(.serialized) struct TargetValidationTests {
    typealias H = ServiceHarness

    /// 16 row-major numbers with `rotation` (3 rows) and no translation.
    static func matrix(_ rotation: [[Double]]) -> String {
        var m: [Double] = []
        for row in rotation { m += row + [0] }
        m += [0, 0, 0, 1]
        return "[" + m.map { String($0) }.joined(separator: ",") + "]"
    }

    @Test func hugeBodyYawIsRefusedAndDoesNotPoisonTheRobot() async throws {
        try await H.withService { client, service in
            for value in ["1e308", "-1e308"] {
                let answer = try await H.call(
                    client, .post, "/api/move/goto", json: #"{"body_yaw":\#(value),"duration":0.5}"#)
                #expect(answer.status == .unprocessableContent, "\(answer.text)")
                let detail = try #require(H.detailMessages(answer.text).first)
                #expect(detail.contains("body_yaw") && detail.contains("6.28") && detail.contains("rad"), "\(detail)")
            }
            #expect(try await H.call(client, .get, "/api/move/running").text == "[]")
            // Untouched: a goto moves the body, and set_target without body yaw is accepted.
            let goto = try await H.call(
                client, .post, "/api/move/goto", json: #"{"head_pose":{"z":0.005},"body_yaw":0.3,"duration":0.3}"#)
            #expect(goto.status == .ok, "\(goto.text)")
            #expect(await H.eventually(timeout: 30) { abs((service.robot.bodyYaw ?? 0) - 0.3) < 0.03 })
            #expect(
                try await H.eventually(timeout: 30) {
                    try await H.call(client, .get, "/api/move/running").text == "[]"
                })
            let target = try await H.call(
                client, .post, "/api/move/set_target", json: #"{"target_antennas":[0.3,-0.3]}"#)
            #expect(target.text == #"{"status":"ok"}"#)
            #expect(await H.eventually(timeout: 30) { abs((service.robot.antennas?.right ?? 0) - 0.3) < 0.03 })
        }
    }

    @Test func absurdNumbersAreRefusedEverywhereNamingTheField() async throws {
        try await H.withService { client, _ in
            let cases: [(String, String, String)] = [
                ("/api/move/goto", #"{"antennas":[1e308,0],"duration":1}"#, "antennas[0]"),
                ("/api/move/goto", #"{"head_pose":{"roll":-1e300},"duration":1}"#, "head_pose.roll"),
                ("/api/move/goto", #"{"head_pose":{"x":5},"duration":1}"#, "head_pose.x"),
                (
                    "/api/move/goto", #"{"head_pose":{"m":[1,0,0,1e308,0,1,0,0,0,0,1,0,0,0,0,1]},"duration":1}"#,
                    "head_pose.m[3]"
                ),
                ("/api/move/set_target", #"{"target_body_yaw":1e308}"#, "target_body_yaw"),
                ("/api/move/set_target", #"{"target_antennas":[0,-7]}"#, "target_antennas[1]"),
                ("/api/move/set_target", #"{"target_head_pose":{"yaw":1e308}}"#, "target_head_pose.yaw"),
            ]
            for (path, json, field) in cases {
                let answer = try await H.call(client, .post, path, json: json)
                #expect(answer.status == .unprocessableContent, "\(path) \(json): \(answer.text)")
                let detail = H.detailMessages(answer.text).joined(separator: " ")
                #expect(detail.contains("Field \(field) must be between"), "\(path) \(json): \(detail)")
            }
            #expect(try await H.call(client, .get, "/api/move/running").text == "[]")
        }
    }

    @Test func gotoRefusesReflectionsNonRigidMatricesAndUnreachablePosesLikeSetTarget() async throws {
        try await H.withService { client, _ in
            let poses: [(String, String)] = [
                (#"{"m":\#(Self.matrix([[1, 0, 0], [0, 1, 0], [0, 0, -1]]))}"#, "not a rotation"),
                (#"{"m":\#(Self.matrix([[2, 0, 0], [0, 2, 0], [0, 0, 2]]))}"#, "not a rotation"),
                (#"{"x":0.2}"#, "not reachable"),
            ]
            for (pose, reason) in poses {
                let goto = try await H.call(
                    client, .post, "/api/move/goto", json: #"{"head_pose":\#(pose),"duration":0.5}"#)
                #expect(goto.status == .unprocessableContent, "goto \(pose): \(goto.text)")
                #expect(goto.text.contains(reason), "goto \(pose): \(goto.text)")
                let target = try await H.call(
                    client, .post, "/api/move/set_target", json: #"{"target_head_pose":\#(pose)}"#)
                #expect(target.status == .unprocessableContent, "set_target \(pose): \(target.text)")
                #expect(target.text.contains(reason), "set_target \(pose): \(target.text)")
            }
            #expect(try await H.call(client, .get, "/api/move/running").text == "[]")
        }
    }
}
