import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ReachyBridge
import ReachyPlayground
import Testing

@testable import ReachyService

/// Each official route's shape and values against the simulator.
@Suite(.serialized) struct RouteTests {
    typealias H = ServiceHarness

    @Test func daemonStatusHasTheOfficialShape() async throws {
        try await H.withService { client, _ in
            let (status, text) = try await H.call(client, .get, "/api/daemon/status")
            #expect(status == .ok)
            let json = try H.object(text)
            #expect(json["type"] as? String == "daemon_status")
            #expect(json["robot_name"] as? String == "reachy_mini")
            #expect(json["state"] as? String == "running")
            #expect(json["simulation_enabled"] as? Bool == true)
            #expect(json["wireless_version"] as? Bool == false)
            #expect(json["no_media"] as? Bool == true)
            let backend = try #require(json["backend_status"] as? [String: Any])
            #expect(backend["motor_control_mode"] as? String == "enabled")
            #expect(backend["ready"] as? Bool == true)
            #expect(backend["control_loop_stats"] is [String: Any])
        }
    }

    @Test func gotoThenStateShowsThePose() async throws {
        try await H.withService { client, _ in
            let (status, text) = try await H.call(
                client, .post, "/api/move/goto",
                json:
                    #"{"head_pose":{"z":0.01,"roll":0.1},"antennas":[0.3,-0.3],"duration":0.5,"interpolation":"linear"}"#
            )
            #expect(status == .ok)
            let uuid = try #require(try H.object(text)["uuid"] as? String)
            #expect(UUID(uuidString: uuid) != nil)
            let done = try await H.eventually {
                try await H.call(client, .get, "/api/move/running").text == "[]"
            }
            #expect(done)
            let state = try H.object(try await H.call(client, .get, "/api/state/full").text)
            let pose = try #require(state["head_pose"] as? [String: Double])
            #expect(abs((pose["z"] ?? 0) - 0.01) < 0.002)
            #expect(abs((pose["roll"] ?? 0) - 0.1) < 0.02)
            #expect(abs(pose["pitch"] ?? 1) < 0.02)
            let antennas = try #require(state["antennas_position"] as? [Double])
            #expect(antennas.count == 2)
            #expect(abs(antennas[0] - 0.3) < 0.03 && abs(antennas[1] + 0.3) < 0.03)
            #expect(state["control_mode"] as? String == "enabled")

            let matrix = try H.object(
                try await H.call(client, .get, "/api/state/present_head_pose?use_pose_matrix=true").text)
            let m = try #require(matrix["m"] as? [Double])
            #expect(m.count == 16)
            #expect(abs(m[11] - 0.01) < 0.002)
            #expect(m[15] == 1)
            let antennaText = try await H.call(client, .get, "/api/state/present_antenna_joint_positions").text
            let present = try #require(try H.value(antennaText) as? [Double])
            #expect(abs(present[0] - 0.3) < 0.03)
            let yaw = try #require(
                try H.value(try await H.call(client, .get, "/api/state/present_body_yaw").text) as? Double)
            #expect(abs(yaw) < 0.01)
        }
    }

    @Test func stateFlagsAddAndRemoveExactlyTheirFields() async throws {
        try await H.withService { client, _ in
            func keys(_ query: String) async throws -> Set<String> {
                let (status, text) = try await H.call(client, .get, "/api/state/full" + query)
                #expect(status == .ok, "\(query): \(text)")
                return Set(try H.object(text).keys)
            }
            // Every field of the daemon's FullState is always there (null when its flag is off); ours only when asked.
            let all: Set = [
                "control_mode", "head_pose", "head_joints", "body_yaw", "antennas_position", "passive_joints", "doa",
                "imu", "timestamp",
            ]
            func nulls(_ query: String) async throws -> Set<String> {
                let object = try H.object(try await H.call(client, .get, "/api/state/full" + query).text)
                return Set(object.filter { $0.value is NSNull }.keys)
            }
            #expect(try await keys("") == all)
            #expect(try await nulls("") == ["head_joints", "passive_joints", "doa", "imu"])
            #expect(try await nulls("?with_head_joints=true") == ["passive_joints", "doa", "imu"])
            #expect(
                try await keys("?with_target_head_pose=true&with_target_antenna_positions=true")
                    == all.union(["target_head_pose", "target_antennas_position"]))
            #expect(
                try await nulls(
                    "?with_control_mode=false&with_head_pose=false&with_body_yaw=false&with_antenna_positions=false")
                    == all.subtracting(["timestamp"]))
            #expect(try await keys("?with_imu=true&with_doa=true") == all)
            let joints = try H.object(try await H.call(client, .get, "/api/state/full?with_head_joints=true").text)
            #expect((joints["head_joints"] as? [Double])?.count == 7)
            let matrix = try H.object(try await H.call(client, .get, "/api/state/full?use_pose_matrix=true").text)
            #expect(((matrix["head_pose"] as? [String: Any])?["m"] as? [Double])?.count == 16)
            let (status, text) = try await H.call(client, .get, "/api/state/full?with_head_joints=maybe")
            #expect(status == .unprocessableContent)
            #expect(
                text
                    == #"{"detail":[{"input":"maybe","loc":["query","with_head_joints"],"#
                    + #""msg":"Input should be a valid boolean, unable to interpret input","type":"bool_parsing"}]}"#)
        }
    }

    @Test func motorsSwitchModes() async throws {
        try await H.withService { client, service in
            #expect(try await H.call(client, .get, "/api/motors/status").text == #"{"mode":"enabled"}"#)
            let off = try await H.call(client, .post, "/api/motors/set_mode/disabled")
            #expect(off.status == .ok)
            #expect(off.text == #"{"status":"motors changed to MotorControlMode.Disabled mode"}"#)
            #expect(service.robot.motorMode == .disabled)
            #expect(try await H.call(client, .get, "/api/motors/status").text == #"{"mode":"disabled"}"#)
            let gravity = try await H.call(client, .post, "/api/motors/set_mode/gravity_compensation")
            #expect(gravity.status == .conflict)
            let bad = try await H.call(client, .post, "/api/motors/set_mode/floppy")
            #expect(bad.status == .unprocessableContent)
            #expect(
                bad.text
                    == #"{"detail":[{"input":"floppy","loc":["path","mode"],"#
                    + #""msg":"Input should be 'enabled', 'disabled' or 'gravity_compensation'","type":"enum"}]}"#)
            #expect(try await H.call(client, .post, "/api/motors/set_mode/enabled").status == .ok)
            #expect(service.robot.motorMode == .enabled)
        }
    }

    @Test func smallRoutesAnswerTheirShapes() async throws {
        try await H.withService { client, _ in
            let info = try H.object(try await H.call(client, .get, "/api/kinematics/info").text)
            let inner = try #require(info["info"] as? [String: Any])
            #expect(inner["engine"] as? String == "AnalyticalKinematics")
            #expect(inner["collision check"] as? Bool == false)

            #expect(try H.object(try await H.call(client, .get, "/api/volume/current").text)["volume"] as? Int == 50)
            let set = try await H.call(client, .post, "/api/volume/set", json: #"{"volume":80}"#)
            #expect(try H.object(set.text)["volume"] as? Int == 80)
            #expect(try H.object(try await H.call(client, .get, "/api/volume/current").text)["volume"] as? Int == 80)
            let tooLoud = try await H.call(client, .post, "/api/volume/set", json: #"{"volume":101}"#)
            #expect(tooLoud.status == .unprocessableContent)
            #expect(
                tooLoud.text
                    == #"{"detail":[{"input":101,"loc":["body","volume"],"#
                    + #""msg":"Field volume must be between 0 and 100 (got 101).","type":"value_error"}]}"#)

            let dances = try H.object(try await H.call(client, .get, "/api/dances").text)
            let list = try #require(dances["dances"] as? [[String: Any]])
            #expect(list.count == (try DanceCatalog.all().count))
            #expect(list.contains { $0["name"] as? String == "simple_nod" })
            #expect(dances["default_bpm"] as? Double == DanceCatalog.defaultBPM)

            let sound = try await H.call(client, .post, "/api/media/play_sound", json: #"{"file":"/etc/passwd"}"#)
            #expect(sound.status == .unprocessableContent)
            #expect(
                sound.text.hasPrefix(
                    #"{"detail":[{"input":"/etc/passwd","loc":["body","file"],"#
                        + #""msg":"Field file must name a built-in sound (got \"/etc/passwd\")"#), "\(sound.text)")
        }
    }

    @Test func unknownAndUnimplementedRoutesSaySo() async throws {
        try await H.withService { client, _ in
            let missing = try await H.call(client, .get, "/api/nothing")
            #expect(missing.status == .notFound)
            #expect(
                missing.text
                    == #"{"detail":"There is no GET /api/nothing here; GET /openapi.json lists every route."}"#)
            let apps = try await H.call(client, .get, "/api/apps/list-available")
            #expect(apps.status == .notImplemented)
            #expect(
                apps.text
                    == #"{"detail":"The app store (Hugging Face Spaces) is not implemented by ReachyBridge's service (see docs/service.md); use the official daemon for it."}"#
            )
            let camera = try await H.call(client, .get, "/api/camera/specs")
            #expect(camera.status == .notImplemented)
        }
    }

    @Test func openAPIDocumentsEveryRegisteredRoute() async throws {
        try await H.withService { client, service in
            let (status, text) = try await H.call(client, .get, "/openapi.json")
            #expect(status == .ok)
            let document = try H.object(text)
            #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let table = try ReachyServer(configuration: ServiceConfiguration(port: 0), service: service).makeTable()
            #expect(!table.routes.isEmpty)
            for route in table.routes {
                let path = route.path.replacingOccurrences(of: "/**", with: "/{rest}")
                #expect(paths[path]?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) missing")
            }
            for official in [
                "/api/daemon/status", "/api/motors/set_mode/{mode}", "/api/move/goto", "/api/move/set_target",
                "/api/state/full", "/ws/sdk", "/api/state/ws/full", "/api/move/ws/set_target", "/openapi.json",
            ] {
                #expect(paths[official] != nil, "\(official) missing")
            }
            let ours = try #require(paths["/api/bop/check"]?["post"] as? [String: Any])
            #expect(ours["x-origin"] as? String == "ours")
        }
    }

    @Test func playgroundIsServedAtTheRoot() async throws {
        try await H.withService { client, _ in
            let page = try await client.execute(uri: "/", method: .get) { $0 }
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let expected = try #require(PlaygroundSiteBytes.index)
            #expect(Array(page.body.readableBytesView) == expected)
            let missing = try await H.call(client, .get, "/playground/nope.js")
            #expect(missing.status == .notFound)
            #expect(
                missing.text
                    == #"{"detail":"The playground has no file /nope.js; GET / is the playground page."}"#)
        }
    }
}

/// The page as the playground target gives it.
enum PlaygroundSiteBytes {
    static var index: [UInt8]? { PlaygroundSite.file(at: "/")?.bytes }
}
