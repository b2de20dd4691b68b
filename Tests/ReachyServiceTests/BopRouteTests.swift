import Bop
import Foundation
import HTTPTypes
import HummingbirdTesting
import ReachyBridge
import Testing

@testable import ReachyService

/// `/api/bop/check` gives `reachy check --json`'s diagnostics; `/api/bop/run` moves the simulated robot.
@Suite(.serialized) struct BopRouteTests {
    typealias H = ServiceHarness

    static var plain: HTTPFields {
        var h = HTTPFields()
        h[.contentType] = "text/plain; charset=utf-8"
        return h
    }

    @Test func checkGivesTheCompilerDiagnostics() async throws {
        try await H.withService { client, _ in
            let program = "look left\nnodd\n"
            let (status, text) = try await H.call(client, .post, "/api/bop/check", json: program, headers: Self.plain)
            #expect(status == .ok)
            let expected = DiagnosticFormatter.json(BopCompiler.compile(program).diagnostics)
            #expect(text == #"{"ok":false,"diagnostics":\#(expected)}"#)
            let json = try H.object(text)
            let first = try #require((json["diagnostics"] as? [[String: Any]])?.first)
            #expect(first["line"] as? Int == 2)
            #expect(first["severity"] as? String == "error")
            #expect(first["id"] is String)

            let good = try await H.call(client, .post, "/api/bop/check", json: #"{"program":"nod\n"}"#)
            #expect(good.text == #"{"ok":true,"diagnostics":[]}"#)
        }
    }

    @Test func runMovesTheRobotAndStops() async throws {
        try await H.withService { client, service in
            let bad = try await H.call(client, .post, "/api/bop/run", json: "nodd\n", headers: Self.plain)
            #expect(bad.status == .unprocessableContent)
            #expect(
                try H.object(bad.text)["detail"] as? String
                    == "The program has problems; nothing moved. Fix them (see diagnostics) and run again.")
            #expect(service.moves.isBusy == false)

            let (status, text) = try await H.call(
                client, .post, "/api/bop/run", json: "look left 30\nwait 5 seconds\n", headers: Self.plain)
            #expect(status == .ok, "\(text)")
            let answer = try H.object(text)
            #expect(answer["uuid"] is String)
            let turned = await H.eventually(timeout: 15) {
                guard let pose = service.robot.headPose else { return false }
                return pose.euler.yaw > 0.2
            }
            #expect(turned, "the head did not turn left")
            let busy = try await H.call(client, .post, "/api/bop/run", json: "nod\n", headers: Self.plain)
            #expect(busy.status == .conflict)
            let stop = try H.object(try await H.call(client, .post, "/api/bop/stop").text)
            #expect((stop["stopped"] as? [String]) == [try #require(answer["uuid"] as? String)])
            #expect(service.moves.isBusy == false)
        }
    }
}
