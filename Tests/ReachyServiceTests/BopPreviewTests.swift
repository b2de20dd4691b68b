import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ReachyBridge
import Testing

@testable import ReachyService

/// `POST /api/bop/preview` and `POST /api/bop/replay`: a program's timeline and poses, and its HTML replay, without
/// moving the robot — for the playground's scrubbing and share button (issue 15).
@Suite(.serialized) struct BopPreviewTests {
    typealias H = ServiceHarness

    @Test func aPreviewHasAPosePerTenthOfASecondAndMovesNothing() async throws {
        try await H.withService { client, service in
            let before = try #require(service.robot.latest?.joints?.head.values)
            let body = String(decoding: try JSONEncoder().encode(["program": "look left 30\nnod\n"]), as: UTF8.self)
            let (status, text) = try await H.call(client, .post, "/api/bop/preview", json: body)
            #expect(status == .ok, "\(text)")
            let preview = try H.object(text)
            let duration = try #require(preview["duration"] as? Double)
            #expect(preview["rate"] as? Int == 10)
            let joints = try #require(preview["head_joints"] as? [[Double]])
            let antennas = try #require(preview["antennas"] as? [[Double]])
            let poses = try #require(preview["head_pose"] as? [[[Double]]])
            #expect(abs(Double(joints.count) - duration * 10) <= 1.5, "\(joints.count) poses for \(duration) s")
            #expect(antennas.count == joints.count && poses.count == joints.count)
            #expect(joints.allSatisfy { $0.count == 7 } && antennas.allSatisfy { $0.count == 2 })
            #expect(poses.allSatisfy { $0.count == 4 && $0.allSatisfy { $0.count == 4 } })
            // Looking left turns the head: the last pose of line 1 has yawed, the first has not.
            #expect(abs(joints[0][0]) < 0.01)
            #expect((preview["timeline"] as? String)?.hasPrefix("<svg") == true)
            let yaws = poses.map { atan2($0[1][0], $0[0][0]) * 180 / .pi }
            #expect(yaws.contains { abs($0 - 30) < 1 }, "\(yaws)")
            // Nothing moved.
            try await Task.sleep(for: .milliseconds(200))
            #expect(!service.moves.isBusy)
            let after = try #require(service.robot.latest?.joints?.head.values)
            #expect(zip(before, after).allSatisfy { abs($0 - $1) < 0.01 }, "\(before) → \(after)")

            let (refused, why) = try await H.call(client, .post, "/api/bop/preview", json: #"{"program": "lok left"}"#)
            #expect(refused == .unprocessableContent)
            #expect(try H.object(why)["diagnostics"] as? [Any] != nil)
        }
    }

    @Test func aReplayIsAStandAlonePageWithTheVoice() async throws {
        try await H.withService { client, service in
            let program = "say \"hi\"\nlook left 30\n"
            let body = String(decoding: try JSONEncoder().encode(["program": program]), as: UTF8.self)
            let (status, headers, html) = try await client.execute(
                uri: "/api/bop/replay", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: body)
            ) { response in (response.status, response.headers, String(buffer: response.body)) }
            #expect(status == .ok, "\(html.prefix(300))")
            #expect(headers[.contentType] == "text/html; charset=utf-8")
            #expect(headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("id=\"reachy-replay-data\""))
            #expect(html.contains("src=\"data:audio/wav;base64,"), "the replay has no voice")
            #expect(!html.contains("http://") && !html.contains("https://"), "the replay loads something from outside")
            #expect(!service.moves.isBusy)
            let (refused, _) = try await H.call(client, .post, "/api/bop/replay", json: #"{"program": "lok left"}"#)
            #expect(refused == .unprocessableContent)
            // A Chinese program's replay is a Chinese page.
            let chinese = String(decoding: try JSONEncoder().encode(["program": "向左看 30\n点头\n"]), as: UTF8.self)
            let page = try await client.execute(
                uri: "/api/bop/replay", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: chinese)
            ) { response in String(buffer: response.body) }
            #expect(page.contains("<html lang=\"zh\">") && page.contains("我的 Bop 程序") && page.contains(">播放<"))
        }
    }
}
