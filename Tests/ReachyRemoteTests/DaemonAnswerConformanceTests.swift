import Foundation
import ReachyTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The answers clients read, the same requests sent to the official daemon (`reachy-mini-daemon --mockup-sim`) and
/// to `reachy serve --sim`, compared field by field (issue 17, point 4): the daemon status, `/api/state/full`, the
/// motor modes, the running moves, and the 422 validation errors in pydantic's list shape (`type`, `loc`, `msg`,
/// `input`). The differences kept on purpose are asserted as such and listed in docs/service.md.
@Suite(
    .serialized,
    .enabled(if: DaemonProcess.python != nil, "set REACHY_DAEMON_PYTHON to a venv with reachy-mini 1.13.0"))
struct DaemonAnswerConformanceTests {
    struct Answer {
        var status: Int
        var json: Any?
        var object: [String: Any] { json as? [String: Any] ?? [:] }
    }

    /// Sends one request; `body` nil sends none (no Content-Type either, as the TurboWarp extension's stop does).
    static func send(_ base: String, _ method: String, _ path: String, body: String? = nil) async throws -> Answer {
        var request = URLRequest(url: try #require(URL(string: base + path)), timeoutInterval: 10)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return Answer(status: status, json: try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    /// The validation issues of a 422, without pydantic's `ctx` (which we do not send).
    static func issues(_ answer: Answer) -> [[String: String]] {
        let list = answer.object["detail"] as? [[String: Any]] ?? []
        return list.map { issue in
            var out: [String: String] = [:]
            for key in ["type", "loc", "msg", "input"] { out[key] = Self.text(issue[key]) }
            return out
        }
    }

    /// A JSON value as comparable text.
    static func text(_ value: Any?) -> String {
        guard let value else { return "absent" }
        if value is NSNull { return "null" }
        guard let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]) else {
            return String(describing: value)
        }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theAnswersClientsReadMatchTheOfficialDaemon() async throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop() }
        let server = try ServeProcess(executable: try ReachyExecutable.url())
        defer { server.stop() }
        let official = daemon.base
        let ours = "http://127.0.0.1:\(server.port)"
        func both(_ method: String, _ path: String, body: String? = nil) async throws -> (Answer, Answer) {
            (
                try await Self.send(official, method, path, body: body),
                try await Self.send(ours, method, path, body: body)
            )
        }

        // Daemon status: every official field present, the same types; version ours, clearly marked.
        let (status, ourStatus) = try await both("GET", "/api/daemon/status")
        #expect(status.status == 200 && ourStatus.status == 200)
        for (key, value) in status.object {
            let mine = ourStatus.object[key]
            #expect(mine != nil, "daemon status lacks \(key)")
            if key != "version", key != "backend_status", key != "simulation_enabled", key != "mockup_sim_enabled" {
                #expect(Self.text(value) == Self.text(mine), "daemon status \(key)")
            }
        }
        #expect(status.object["version"] as? String == "1.13.0")
        #expect(ourStatus.object["version"] as? String == "1.13.0+reachybridge")

        // /api/state/full: the same keys, null in the same places, µs timestamps.
        for query in ["", "?with_head_joints=true&with_control_mode=false", "?with_passive_joints=true&with_doa=true"] {
            let (state, ourState) = try await both("GET", "/api/state/full" + query)
            #expect(state.status == 200 && ourState.status == 200)
            #expect(Set(state.object.keys) == Set(ourState.object.keys), "keys of /api/state/full\(query)")
            for (key, value) in state.object {
                #expect((value is NSNull) == (ourState.object[key] is NSNull), "null-ness of \(key) for \(query)")
            }
            for answer in [state, ourState] {
                let stamp = answer.object["timestamp"] as? String ?? ""
                #expect(
                    stamp.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$"#, options: .regularExpression) != nil,
                    "timestamp \(stamp)")
            }
        }

        // Motor modes: the same status strings.
        for mode in ["disabled", "enabled"] {
            let (set, ourSet) = try await both("POST", "/api/motors/set_mode/\(mode)")
            #expect(set.status == ourSet.status && Self.text(set.json) == Self.text(ourSet.json), "set_mode/\(mode)")
            let (motors, ourMotors) = try await both("GET", "/api/motors/status")
            #expect(Self.text(motors.json) == Self.text(ourMotors.json))
        }
        // Gravity compensation: the mockup daemon says 200 without compensating anything; we refuse (409) with
        // the reason (documented difference).
        let (gravity, ourGravity) = try await both("POST", "/api/motors/set_mode/gravity_compensation")
        #expect(gravity.status == 200)
        #expect(ourGravity.status == 409)
        #expect((ourGravity.object["detail"] as? String)?.contains("Gravity compensation is not supported") == true)
        _ = try await both("POST", "/api/motors/set_mode/enabled")

        // Validation errors: the same status and the same issues (type, loc, msg, input).
        let invalid: [(String, String, String?)] = [
            ("POST", "/api/move/stop", nil),
            ("POST", "/api/move/stop", "{}"),
            ("POST", "/api/move/goto", nil),
            ("POST", "/api/move/goto", #"{"duration":1,"interpolation":"ease"}"#),
            ("POST", "/api/motors/set_mode/bogus", nil),
            ("GET", "/api/state/full?with_head_pose=maybe", nil),
        ]
        for (method, path, body) in invalid {
            let (theirs, mine) = try await both(method, path, body: body)
            #expect(theirs.status == 422 && mine.status == 422, "\(method) \(path) \(body ?? "(no body)")")
            #expect(Self.issues(theirs) == Self.issues(mine), "\(method) \(path) \(body ?? "(no body)")")
        }
        // Same type and place; our message says more (which UUID, the JSON error).
        for body in [#"{"uuid":"nope"}"#, "not json"] {
            let (theirs, mine) = try await both("POST", "/api/move/stop", body: body)
            #expect(theirs.status == 422 && mine.status == 422, "\(body)")
            #expect(
                Self.issues(theirs).map { [$0["type"], $0["loc"]] }
                    == Self.issues(mine).map { [$0["type"], $0["loc"]] },
                "\(body): \(Self.issues(theirs)) vs \(Self.issues(mine))")
        }

        // A goto: a UUID, listed while it runs, on both; a target: ok.
        for base in [official, ours] {
            let goto = try await Self.send(
                base, "POST", "/api/move/goto", body: #"{"antennas":[0.3,-0.3],"duration":1}"#)
            #expect(goto.status == 200, "\(base)")
            let uuid = try #require(goto.object["uuid"] as? String, "\(base)")
            let running = try await Self.send(base, "GET", "/api/move/running")
            #expect((running.json as? [[String: Any]])?.compactMap { $0["uuid"] as? String } == [uuid], "\(base)")
            try await Task.sleep(for: .milliseconds(1300))
            let target = try await Self.send(base, "POST", "/api/move/set_target", body: #"{"target_antennas":[0,0]}"#)
            #expect(Self.text(target.json) == Self.text(["status": "ok"]), "\(base)")
        }

        // The present state the extension reads: the same shapes.
        let (pose, ourPose) = try await both("GET", "/api/state/present_head_pose")
        #expect(Set(pose.object.keys) == ["x", "y", "z", "roll", "pitch", "yaw"])
        #expect(Set(pose.object.keys) == Set(ourPose.object.keys))
        let (yaw, ourYaw) = try await both("GET", "/api/state/present_body_yaw")
        #expect(yaw.json is NSNumber && ourYaw.json is NSNumber, "\(Self.text(yaw.json)) \(Self.text(ourYaw.json))")
        let (antennas, ourAntennas) = try await both("GET", "/api/state/present_antenna_joint_positions")
        #expect((antennas.json as? [Any])?.count == 2 && (ourAntennas.json as? [Any])?.count == 2)

        // The behaviours: a UUID each, on both.
        for path in ["/api/move/play/wake_up", "/api/move/play/goto_sleep"] {
            let (theirs, mine) = try await both("POST", path)
            #expect(theirs.status == 200 && mine.status == 200, "\(path)")
            #expect(Set(theirs.object.keys) == ["uuid"] && Set(mine.object.keys) == ["uuid"], "\(path)")
            try await Task.sleep(for: .seconds(path.hasSuffix("wake_up") ? 3 : 6))
        }

        // Motors off: a goto is accepted and listed on both (ours also says why).
        _ = try await both("POST", "/api/motors/set_mode/disabled")
        for base in [official, ours] {
            let goto = try await Self.send(
                base, "POST", "/api/move/goto", body: #"{"antennas":[0.3,-0.3],"duration":1}"#)
            let uuid = try #require(goto.object["uuid"] as? String, "\(base)")
            let running = try await Self.send(base, "GET", "/api/move/running")
            #expect((running.json as? [[String: Any]])?.compactMap { $0["uuid"] as? String } == [uuid], "\(base)")
            if base == ours { #expect((goto.object["notice"] as? String)?.contains("wake me up first") == true) }
        }
    }
}
