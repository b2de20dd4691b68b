import Foundation
import ReachyTestSupport
import Synchronization
import Testing

/// Acceptance against code nobody here wrote: the unmodified official Python client (`reachy-mini` 1.13.0) drives
/// `reachy serve --sim` (the built binary). Runs when REACHY_DAEMON_PYTHON names the venv's python.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["REACHY_DAEMON_PYTHON"] != nil))
struct ConformanceTests {
    static var script: URL {
        RepositoryPaths.root.appendingPathComponent("Tests/ReachyServiceTests/Oracles/official_client.py")
    }

    @Test func officialClientDrivesTheService() async throws {
        let python = try #require(ProcessInfo.processInfo.environment["REACHY_DAEMON_PYTHON"])
        let server = try await ServeBinary.startSimulator()
        defer { server.terminateNow() }
        let port = try #require(server.port.withLock { $0 })

        // The client runs as its own process; the output is collected off the cooperative pool.
        let client = try WatchedProcess(URL(fileURLWithPath: python), [Self.script.path, "127.0.0.1", String(port)])
        let status = await client.waitForExit(timeout: 180)
        let stdout = Data(client.stdout.utf8)
        let stderr = client.stderr

        let report = try #require(
            try JSONSerialization.jsonObject(with: stdout) as? [String: Any], "no report; stderr: \(stderr)")
        #expect(report["error"] is NSNull, "\(report["error"] ?? "")")
        let checks = try #require(report["checks"] as? [[String: Any]])
        let names = checks.compactMap { $0["name"] as? String }
        for expected in [
            "connect", "enable_motors", "wake_up", "wake_up pose", "goto linear on time", "goto linear head pose",
            "goto minjerk on time", "goto minjerk head pose", "goto ease_in_out on time", "goto ease_in_out head pose",
            "goto cartoon on time", "goto cartoon head pose", "goto cartoon antennas", "goto_sleep", "goto_sleep pose",
            "disable_motors", "enable_motors again", "daemon_status",
        ] {
            #expect(names.contains(expected), "check \(expected) did not run")
        }
        for check in checks {
            #expect(check["ok"] as? Bool == true, "\(check["name"] ?? ""): \(check["detail"] ?? "")")
        }
        #expect(status == 0, "stderr: \(stderr)")
        #expect(await server.stop(SIGTERM) == 143)
    }
}
