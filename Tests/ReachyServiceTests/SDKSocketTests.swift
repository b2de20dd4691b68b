import Foundation
import HummingbirdTesting
import ReachyBridge
import Testing

@testable import ReachyService

/// `/ws/sdk` message shapes and contents, commands and tasks (rates belong to `reachy bench service`).
@Suite(.serialized) struct SDKSocketTests {
    typealias H = ServiceHarness

    static func messages(_ texts: [String], type: String) throws -> [[String: Any]] {
        try texts.map(H.object).filter { $0["type"] as? String == type }
    }

    @Test func pushesStatusJointsAndPose() async throws {
        try await H.withService { client, service in
            let port = try #require(client.port)
            let texts = try await H.webSocket(port: port, path: "/ws/sdk", timeout: 30) { all in
                all.filter { $0.contains("\"joint_positions\"") }.count >= 3
                    && all.contains { $0.contains("\"head_pose\"") }
            }
            let status = try #require(try Self.messages(texts, type: "daemon_status").first)
            #expect(status["robot_name"] as? String == "reachy_mini")
            #expect(status["state"] as? String == "running")
            let joints = try #require(try Self.messages(texts, type: "joint_positions").last)
            let head = try #require(joints["head_joint_positions"] as? [Double])
            let antennas = try #require(joints["antennas_joint_positions"] as? [Double])
            #expect(head.count == 7)
            #expect(antennas.count == 2)
            let present = try #require(service.robot.joints)
            #expect(zip(head, present.head.values).allSatisfy { abs($0 - $1) < 0.05 })
            let pose = try #require(try Self.messages(texts, type: "head_pose").last)
            let rows = try #require(pose["head_pose"] as? [[Double]])
            #expect(rows.count == 4 && rows.allSatisfy { $0.count == 4 })
            #expect(rows[3] == [0, 0, 0, 1])
        }
    }

    @Test func gotoTaskEndsWithTaskProgressAndMovesTheRobot() async throws {
        try await H.withService { client, service in
            let port = try #require(client.port)
            let uuid = UUID().uuidString.lowercased()
            let target = HeadPose.degrees(z: 0.012, pitch: -8)
            let head = target.rowMajor.map { String($0) }.joined(separator: ",")
            let task = """
                {"type":"task","uuid":"\(uuid)","timestamp":"2026-11-29T11:00:00","req":{"head":[\(head)],\
                "antennas":[0.2,-0.2],"duration":0.5,"method":"cartoon","body_yaw":0.0}}
                """
            let texts = try await H.webSocket(port: port, path: "/ws/sdk", send: [task]) { all in
                all.contains { $0.contains("task_progress") }
            }
            let progress = try #require(try Self.messages(texts, type: "task_progress").first)
            #expect(progress["uuid"] as? String == uuid)
            #expect(progress["finished"] as? Bool == true)
            #expect(progress["error"] is NSNull)
            #expect(progress["timestamp"] is String)
            let pose = try #require(service.robot.headPose)
            #expect(pose.maxDifference(to: target) < 0.01)
            #expect(abs((service.robot.antennas?.right ?? 0) - 0.2) < 0.03)
        }
    }

    @Test func invalidTaskEndsWithAnError() async throws {
        try await H.withService { client, _ in
            let port = try #require(client.port)
            let uuid = UUID().uuidString.lowercased()
            let task =
                #"{"type":"task","uuid":"\#(uuid)","timestamp":"2026-11-29T11:00:00","req":{"head":null,"antennas":[0.1],"duration":0.5,"method":"minjerk","body_yaw":0.0}}"#
            let texts = try await H.webSocket(port: port, path: "/ws/sdk", send: ["not json", task]) { all in
                all.contains { $0.contains("task_progress") }
            }
            let progress = try #require(try Self.messages(texts, type: "task_progress").first)
            #expect(progress["error"] as? String == "Field req.antennas must have 2 numbers (got 1).")
        }
    }

    @Test func torqueAndTargetCommandsApply() async throws {
        try await H.withService { client, service in
            let port = try #require(client.port)
            _ = try await H.webSocket(
                port: port, path: "/ws/sdk", send: [#"{"type":"set_torque","on":false,"ids":null}"#]
            ) { _ in
                service.robot.motorMode == .disabled
            }
            let off = await H.eventually { service.robot.motorMode == .disabled }
            #expect(off)
            _ = try await H.webSocket(
                port: port, path: "/ws/sdk",
                send: [
                    #"{"type":"set_torque","on":true,"ids":null}"#,
                    #"{"type":"set_full_target","head":null,"antennas":[-0.3,0.3],"body_yaw":null}"#,
                ]
            ) { _ in abs((service.robot.antennas?.right ?? 0) + 0.3) < 0.03 }
            let moved = await H.eventually { abs((service.robot.antennas?.right ?? 0) + 0.3) < 0.03 }
            #expect(service.robot.motorMode == .enabled)
            #expect(moved)
        }
    }

    @Test func stateStreamAndSetTargetStream() async throws {
        try await H.withService { client, service in
            let port = try #require(client.port)
            let texts = try await H.webSocket(port: port, path: "/api/state/ws/full?frequency=20&with_head_joints=true")
            {
                $0.count >= 2
            }
            let first = try H.object(try #require(texts.first))
            #expect(
                Set(first.keys) == [
                    "control_mode", "head_pose", "head_joints", "body_yaw", "antennas_position", "timestamp",
                    "passive_joints", "doa", "imu",
                ])
            let replies = try await H.webSocket(
                port: port, path: "/api/move/ws/set_target",
                send: [#"{"target_antennas":[0.25]}"#, #"{"target_antennas":[0.25,-0.25]}"#]
            ) { !$0.isEmpty }
            #expect(
                replies.first == #"{"detail":"Field target_antennas must have 2 numbers (got 1).","status":"error"}"#)
            let moved = await H.eventually { abs((service.robot.antennas?.right ?? 0) - 0.25) < 0.03 }
            #expect(moved)
        }
    }
}
