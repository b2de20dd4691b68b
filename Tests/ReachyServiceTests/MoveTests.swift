import Foundation
import HTTPTypes
import HummingbirdTesting
import ReachyBridge
import Testing

@testable import ReachyService

/// One controller at a time: running moves, set_target refused while one runs, goto ignored, stop by UUID.
@Suite(.serialized) struct MoveTests {
    typealias H = ServiceHarness

    @Test func aSecondControllerIsRefusedWhileAMoveRuns() async throws {
        try await H.withService { client, service in
            let first = try H.object(
                try await H.call(client, .post, "/api/move/goto", json: #"{"head_pose":{"z":0.015},"duration":20}"#)
                    .text)
            let uuid = try #require(first["uuid"] as? String)
            let running = try #require(
                try H.value(try await H.call(client, .get, "/api/move/running").text) as? [[String: String]])
            #expect(running.map { $0["uuid"] } == [uuid])

            let target = try await H.call(
                client, .post, "/api/move/set_target", json: #"{"target_antennas":[0.5,0.5]}"#)
            #expect(target.status == .ok)
            #expect(target.text == #"{"reason":"move_running","status":"ignored"}"#)

            // A goto while the move runs gets a UUID but does not run (the daemon's play_move ignores it).
            let second = try H.object(
                try await H.call(client, .post, "/api/move/goto", json: #"{"antennas":[1,1],"duration":0.5}"#).text)
            let other = try #require(second["uuid"] as? String)
            #expect(other != uuid)
            let still = try #require(
                try H.value(try await H.call(client, .get, "/api/move/running").text) as? [[String: String]])
            #expect(still.map { $0["uuid"] } == [uuid])

            let stop = try await H.call(client, .post, "/api/move/stop", json: #"{"uuid":"\#(uuid)"}"#)
            #expect(stop.status == .ok)
            #expect(stop.text == #"{"message":"Stopped move with UUID: \#(uuid)"}"#)
            #expect(try await H.call(client, .get, "/api/move/running").text == "[]")
            let antennas = try #require(service.robot.antennas)
            #expect(abs(antennas.right - 1) > 0.3, "the ignored goto moved the antennas")

            let again = try await H.call(client, .post, "/api/move/stop", json: #"{"uuid":"\#(uuid)"}"#)
            #expect(again.status == .notFound)
            #expect(
                again.text
                    == #"{"detail":"No running move has the UUID \#(uuid); GET /api/move/running lists them."}"#)

            // Nothing runs now: set_target is applied.
            let applied = try await H.call(
                client, .post, "/api/move/set_target", json: #"{"target_antennas":[0.4,-0.4]}"#)
            #expect(applied.text == #"{"status":"ok"}"#)
            let reached = await H.eventually { abs((service.robot.antennas?.right ?? 0) - 0.4) < 0.03 }
            #expect(reached)
        }
    }

    @Test func wakeUpAndSleepRunAsMoves() async throws {
        try await H.withService { client, service in
            let sleep = try H.object(try await H.call(client, .post, "/api/move/play/goto_sleep").text)
            #expect(sleep["uuid"] is String)
            let asleep = try await H.eventually(timeout: 15) {
                try await H.call(client, .get, "/api/move/running").text == "[]"
            }
            #expect(asleep)
            #expect(service.robot.motorMode == .disabled)
            let antennas = try #require(service.robot.antennas)
            #expect(abs(antennas.right - Antennas.sleep.right) < 0.1)

            let wake = try H.object(try await H.call(client, .post, "/api/move/play/wake_up").text)
            #expect(wake["uuid"] is String)
            let awake = try await H.eventually(timeout: 15) {
                try await H.call(client, .get, "/api/move/running").text == "[]"
            }
            #expect(awake)
            #expect(service.robot.motorMode == .enabled)
            let pose = try #require(service.robot.headPose)
            #expect(pose.maxDifference(to: .identity) < 0.02)
        }
    }

    @Test func stoppedDaemonRefusesMovesUntilStarted() async throws {
        try await H.withService { client, service in
            let stop = try await H.call(client, .post, "/api/daemon/stop?goto_sleep=false")
            #expect(stop.status == .ok)
            #expect(service.robot.motorMode == .disabled)
            let status = try H.object(try await H.call(client, .get, "/api/daemon/status").text)
            #expect(status["state"] as? String == "stopped")
            let refused = try await H.call(client, .post, "/api/move/goto", json: #"{"antennas":[0,0],"duration":1}"#)
            #expect(refused.status == .conflict)
            #expect(
                refused.text
                    == #"{"detail":"The daemon is stopped: the robot does not take commands. POST /api/daemon/start to start it."}"#
            )
            #expect(try await H.call(client, .post, "/api/daemon/start?wake_up=true").status == .ok)
            let awake = await H.eventually(timeout: 15) { service.robot.motorMode == .enabled && !service.moves.isBusy }
            #expect(awake)
        }
    }
}
