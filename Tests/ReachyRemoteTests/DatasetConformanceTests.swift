import Foundation
import ReachyTestSupport
import Testing

/// The recorded-move dataset routes of the official daemon (`reachy-mini-daemon --mockup-sim`, offline) and of
/// `reachy serve --sim`, both reading the same Hugging Face cache (`HF_HOME`) that the test writes in the official
/// format (issue 17.3): the list answered field by field, a play answered and listed the same, an unknown move a
/// 404 whose message starts as the daemon's.
@Suite(
    .serialized,
    .enabled(if: DaemonProcess.python != nil, "set REACHY_DAEMON_PYTHON to a venv with reachy-mini 1.13.0"))
struct DatasetConformanceTests {
    typealias C = DaemonAnswerConformanceTests
    static let dataset = "test-org/test-emotions"

    @Test func theDatasetRoutesAnswerLikeTheOfficialDaemonFromTheSameCache() async throws {
        let temp = try TemporaryDirectory("dataset-conformance")
        defer { temp.remove() }
        let home = try MoveDatasetFixture.hubCache(under: temp.url, dataset: Self.dataset)
        let environment = ["HF_HOME": home.path, "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1"]
        let daemon = try DaemonProcess(environment: environment)
        defer { daemon.stop() }
        let server = try ServeProcess(executable: try ReachyExecutable.url(), environment: environment)
        defer { server.stop() }
        let bases = [daemon.base, "http://127.0.0.1:\(server.port)"]

        // The list: the same names (the daemon answers them in directory order, we sort them).
        var lists: [[String]] = []
        for base in bases {
            let list = try await C.send(base, "GET", "/api/move/recorded-move-datasets/list/\(Self.dataset)")
            #expect(list.status == 200, "\(base): \(C.text(list.json))")
            lists.append(try #require(list.json as? [String], "\(base): \(C.text(list.json))"))
        }
        #expect(lists[0].sorted() == lists[1], "\(lists)")
        #expect(lists[1] == ["happy", "sad", "wild"])

        // An unknown move: 404 on both; our message starts with the daemon's.
        var details: [String] = []
        for base in bases {
            let missing = try await C.send(base, "POST", "/api/move/play/recorded-move-dataset/\(Self.dataset)/hapy")
            #expect(missing.status == 404, "\(base): \(C.text(missing.json))")
            details.append(missing.object["detail"] as? String ?? "")
        }
        #expect(!details[0].isEmpty && details[1].hasPrefix(details[0]), "\(details)")

        // A play: {"uuid"} on both, listed while it runs.
        for base in bases {
            let play = try await C.send(base, "POST", "/api/move/play/recorded-move-dataset/\(Self.dataset)/happy")
            #expect(play.status == 200, "\(base): \(C.text(play.json))")
            #expect(Set(play.object.keys) == ["uuid"], "\(base): \(C.text(play.json))")
            let uuid = try #require(play.object["uuid"] as? String)
            let running = try await C.send(base, "GET", "/api/move/running")
            #expect((running.json as? [[String: Any]])?.compactMap { $0["uuid"] as? String } == [uuid], "\(base)")
            try await Task.sleep(for: .milliseconds(1500))
            let after = try await C.send(base, "GET", "/api/move/running")
            #expect(C.text(after.json) == C.text([Any]()), "\(base)")
        }
    }
}
