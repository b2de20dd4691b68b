import Foundation
import HTTPTypes
import HummingbirdTesting
import ReachyBridge
import Testing

@testable import ReachyService

/// With the motors off (issue 17), a goto keeps the official daemon's contract — accepted, listed in
/// `/api/move/running` for its duration, then finished — without moving, and says why: in its answer, in
/// `GET /api/daemon/status` and on `/ws/sdk`. Targets are still checked against the limits.
@Suite(.serialized) struct MotorsOffTests {
    typealias H = ServiceHarness

    @Test func aGotoWithTheMotorsOffRunsItsDurationSaysWhyAndMovesNothing() async throws {
        try await H.withService { client, service in
            let off = try await H.call(client, .post, "/api/motors/set_mode/disabled")
            #expect(off.status == .ok, "\(off.text)")
            let before = try #require(service.robot.antennas)
            let status0 = try H.object(try await H.call(client, .get, "/api/daemon/status").text)
            let first = try #require(status0["notice"] as? String)
            #expect(first.hasPrefix("My motors are off — wake me up first"), "\(first)")

            let goto = try await H.call(
                client, .post, "/api/move/goto", json: #"{"antennas":[0.8,-0.8],"duration":1.2}"#)
            #expect(goto.status == .ok)
            let answer = try H.object(goto.text)
            let uuid = try #require(answer["uuid"] as? String)
            #expect((answer["notice"] as? String)?.contains("wake me up first") == true, "\(answer)")
            let running = try #require(
                try H.value(try await H.call(client, .get, "/api/move/running").text) as? [[String: String]])
            #expect(running.map { $0["uuid"] } == [uuid], "the accepted move must be listed while it runs")

            let status = try H.object(try await H.call(client, .get, "/api/daemon/status").text)
            let notice = try #require(status["notice"] as? String)
            #expect(notice.contains("1 command moved nothing (last: goto)"), "\(notice)")

            let finished = await H.eventually(timeout: 5) {
                (try? await H.call(client, .get, "/api/move/running").text) == "[]"
            }
            #expect(finished, "the move must finish after its duration")
            let after = try #require(service.robot.antennas)
            #expect(abs(after.right - before.right) < 0.02 && abs(after.left - before.left) < 0.02)

            // A streaming target: checked, accepted like the daemon, with the notice.
            let target = try H.object(
                try await H.call(client, .post, "/api/move/set_target", json: #"{"target_antennas":[0.3,0.3]}"#).text)
            #expect(target["status"] as? String == "ok")
            #expect((target["notice"] as? String)?.contains("2 commands moved nothing (last: set_target)") == true)

            // Limits are still checked: an absurd target is refused, motors off or not.
            let far = try await H.call(
                client, .post, "/api/move/goto", json: #"{"antennas":[1e308,0],"duration":0.5}"#)
            #expect(far.status == .unprocessableContent, "\(far.text)")

            // Awake again: the notice is gone, and the goto moves.
            let on = try await H.call(client, .post, "/api/motors/set_mode/enabled")
            #expect(on.status == .ok)
            let awake = try H.object(try await H.call(client, .get, "/api/daemon/status").text)
            #expect(awake["notice"] is NSNull, "\(awake)")
            let moving = try H.object(
                try await H.call(client, .post, "/api/move/goto", json: #"{"antennas":[0.6,-0.6],"duration":0.5}"#)
                    .text)
            #expect(moving["notice"] == nil, "\(moving)")
            let moved = await H.eventually { abs((service.robot.antennas?.right ?? 0) - 0.6) < 0.03 }
            #expect(moved)
        }
    }

    @Test func sdkClientsAreToldAtOnceAndTheStatusCarriesTheNotice() async throws {
        try await H.withService { client, service in
            let port = try #require(client.port)
            _ = try await H.call(client, .post, "/api/motors/set_mode/disabled")
            let goto = #"{"type":"goto_target","antennas":[0.5,0.5],"duration":0.5}"#
            let texts = try await H.webSocket(port: port, path: "/ws/sdk", send: [goto], timeout: 20) { all in
                all.contains { $0.contains(#""type":"notice""#) }
                    && all.contains { $0.contains("daemon_status") && $0.contains("last: goto") }
            }
            let notice = try #require(texts.first { $0.contains(#""type":"notice""#) })
            #expect(notice.contains("wake me up first"), "\(notice)")
            #expect(texts.contains { $0.contains("daemon_status") && $0.contains("last: goto") }, "\(texts.suffix(3))")
            #expect(service.robot.motorMode == .disabled)
        }
    }

    @Test func aStreamedTargetWithTheMotorsOffIsAnsweredWithTheNotice() async throws {
        try await H.withService { client, service in
            let port = try #require(client.port)
            _ = try await H.call(client, .post, "/api/motors/set_mode/disabled")
            let texts = try await H.webSocket(
                port: port, path: "/api/move/ws/set_target", send: [#"{"target_antennas":[0.4,0.4]}"#], timeout: 10
            ) { !$0.isEmpty }
            let answer = try H.object(try #require(texts.first))
            #expect(answer["status"] as? String == "ok")
            #expect((answer["notice"] as? String)?.contains("wake me up first") == true, "\(answer)")
            #expect(abs((service.robot.antennas?.right ?? 0) - 0.4) > 0.1, "nothing may move")
        }
    }

    @Test func afterGoingToSleepAGotoIsListedAndTheNoticeSaysWakeMeUp() async throws {
        try await H.withService { client, _ in
            let sleep = try H.object(try await H.call(client, .post, "/api/move/play/goto_sleep").text)
            _ = try #require(sleep["uuid"] as? String)
            let asleep = await H.eventually(timeout: 20) {
                let mode = try? await H.call(client, .get, "/api/motors/status").text
                let running = try? await H.call(client, .get, "/api/move/running").text
                return mode == #"{"mode":"disabled"}"# && running == "[]"
            }
            #expect(asleep)
            let goto = try H.object(
                try await H.call(client, .post, "/api/move/goto", json: #"{"head_pose":{"z":0.01},"duration":1}"#)
                    .text)
            let uuid = try #require(goto["uuid"] as? String)
            #expect(try await H.call(client, .get, "/api/move/running").text.contains(uuid))
            let woken = try H.object(try await H.call(client, .post, "/api/move/play/wake_up").text)
            #expect(woken["uuid"] != nil)
        }
    }
}
