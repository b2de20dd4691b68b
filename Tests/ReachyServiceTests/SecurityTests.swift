import Foundation
import HTTPTypes
import HummingbirdTesting
import ReachyBridge
import Testing

@testable import ReachyService

/// Tokens, body limits, malformed bodies, and the rule that only loopback may go without a token.
@Suite(.serialized) struct SecurityTests {
    typealias H = ServiceHarness

    @Test func tokenIsRequiredAndChecked() async throws {
        try await H.withService(token: "s3cret-token") { client, _ in
            let missing = try await H.call(client, .get, "/api/daemon/status")
            #expect(missing.status == .unauthorized)
            #expect(
                missing.text
                    == #"{"detail":"This service needs a token: send the header \"Authorization: Bearer <token>\" (or ?token=<token> for a WebSocket)."}"#
            )
            var wrong = HTTPFields()
            wrong[.authorization] = "Bearer s3cret-tokeN"
            let bad = try await H.call(client, .get, "/api/daemon/status", headers: wrong)
            #expect(bad.status == .unauthorized)
            #expect(
                bad.text
                    == #"{"detail":"The token is wrong; use the one `reachy serve --token` was started with."}"#)
            var right = HTTPFields()
            right[.authorization] = "Bearer s3cret-token"
            #expect(try await H.call(client, .get, "/api/daemon/status", headers: right).status == .ok)
            // The query token is for WebSockets and the playground's address only (TokenPlacementTests).
            #expect(try await H.call(client, .get, "/api/daemon/status?token=s3cret-token").status == .unauthorized)
        }
    }

    @Test func constantTimeComparisonIsExact() {
        let eq = AccessToken.constantTimeEqual
        #expect(eq(Array("abc".utf8), Array("abc".utf8)))
        #expect(!eq(Array("abc".utf8), Array("abd".utf8)))
        #expect(!eq(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!eq(Array("".utf8), Array("a".utf8)))
        // Lengths differing by a multiple of 256 must not compare equal.
        #expect(!eq(Array(repeating: 0, count: 256), []))
    }

    @Test func onlyLoopbackMayGoWithoutAToken() throws {
        #expect(throws: ServiceConfigurationError.tokenRequired(host: "0.0.0.0")) {
            try ServiceConfiguration(host: "0.0.0.0").validate()
        }
        #expect(
            ServiceConfigurationError.tokenRequired(host: "0.0.0.0").description
                == "Refusing to listen on 0.0.0.0 without a token: anyone on the network could move the robot. "
                + "Pass --token SECRET (clients then send \"Authorization: Bearer SECRET\"), or keep the default "
                + "--host 127.0.0.1.")
        try ServiceConfiguration(host: "0.0.0.0", token: "t").validate()
        try ServiceConfiguration(host: "127.0.0.1").validate()
        try ServiceConfiguration(host: "localhost").validate()
        try ServiceConfiguration(host: "::1").validate()
        #expect(throws: ServiceConfigurationError.emptyToken) { try ServiceConfiguration(token: "").validate() }
    }

    @Test func bodiesAreSizeLimited() async throws {
        try await H.withService(maxBody: 1024) { client, _ in
            let program = String(repeating: "nod\n", count: 400)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain"
            let (status, text) = try await H.call(client, .post, "/api/bop/check", json: program, headers: headers)
            #expect(status == .contentTooLarge)
            #expect(text == #"{"detail":"The request body is larger than 1024 bytes; send a smaller body."}"#)
        }
    }

    @Test func malformedBodiesGetMessagesNamingTheField() async throws {
        try await H.withService { client, _ in
            // The daemon's answer: 422 with pydantic's list (type, loc, msg); our range checks in the same shape.
            let cases: [(String, String)] = [
                ("{not json", "json_invalid body.0 JSON decode error"),
                (#"{"antennas":[0,0]}"#, "missing body.duration Field required"),
                (#"{"duration":"long"}"#, "float_type body.duration Input should be a valid number"),
                (
                    #"{"duration":0}"#,
                    "value_error body.duration Field duration must be more than 0 and at most 60 seconds (got 0.0)."
                ),
                (
                    #"{"duration":1,"antennas":[0.1]}"#,
                    "value_error body.antennas Field antennas must have 2 numbers (got 1)."
                ),
                (
                    #"{"duration":1,"interpolation":"bouncy"}"#,
                    "enum body.interpolation Input should be 'linear', 'minjerk', 'ease_in_out' or 'cartoon'"
                ),
                (
                    #"{"duration":1,"head_pose":{"m":[1,0,0]}}"#,
                    "value_error body.head_pose.m Field head_pose.m: A head pose must be a 4×4 matrix (4 rows of 4 "
                        + "numbers, or 16 numbers row-major); got 3 numbers."
                ),
                (
                    #"{"duration":1,"head_pose":{"x":"far"}}"#,
                    "float_type body.head_pose.x Input should be a valid number"
                ),
                ("", "missing body Field required"),
            ]
            for (body, expected) in cases {
                let (status, text) = try await H.call(client, .post, "/api/move/goto", json: body)
                #expect(status == .unprocessableContent, "\(body)")
                #expect(H.issues(text) == [expected], "\(body): \(text)")
            }
            let (_, running) = try await H.call(client, .get, "/api/move/running")
            #expect(running == "[]")
        }
    }

    @Test func targetsStayInsideTheJointLimits() async throws {
        try await H.withService { client, service in
            // Far beyond the reachable workspace and the antenna range: the robot's safety layer clamps or refuses.
            let (status, _) = try await H.call(
                client, .post, "/api/move/set_target",
                json: #"{"target_head_pose":{"z":0.5,"roll":3},"target_antennas":[10,-10],"target_body_yaw":9}"#)
            #expect(status == .ok || status == .unprocessableContent)
            try await Task.sleep(for: .milliseconds(600))
            let joints = try #require(service.robot.joints)
            let limits = service.robot.options.limits
            for motor in ReachyMotor.allCases {
                let range = limits.range(of: motor)
                #expect(
                    joints[motor] >= range.lowerBound - 0.01 && joints[motor] <= range.upperBound + 0.01,
                    "\(motor) at \(joints[motor]) outside \(range)")
            }
        }
    }
}
