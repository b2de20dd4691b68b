import Foundation
import ReachyTestSupport
import Testing

/// Property-based HTTP testing from our own `/openapi.json`: schemathesis (PyPI) generates requests for every
/// operation — valid and invalid bodies, odd path parameters, wrong types — against `reachy serve --sim`, and no
/// answer may be a server error. Runs when REACHY_SCHEMATHESIS names the `schemathesis` executable (`make test`
/// installs it into `.venv-schemathesis`).
///
/// The operations tagged `not_implemented` (camera, apps, WebRTC…) are left out: they answer 501 on purpose, as
/// their schema says. Everything else runs, including the moves and `/api/daemon/stop`: on the simulator they are
/// harmless, and each request is bounded by the service's own limits.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["REACHY_SCHEMATHESIS"] != nil))
struct SchemathesisTests {
    /// Per operation; with about 50 operations the run takes about a minute on two cores.
    static let examplesPerOperation = 15

    @Test func noGeneratedRequestGetsAServerError() async throws {
        let schemathesis = try #require(ProcessInfo.processInfo.environment["REACHY_SCHEMATHESIS"])
        let server = try await ServeBinary.startSimulator()
        defer { server.terminateNow() }

        let run = try WatchedProcess(
            URL(fileURLWithPath: schemathesis),
            [
                "run", server.baseURL + "/openapi.json", "--checks", "not_a_server_error",
                "--exclude-tag", "not_implemented", "--max-examples", String(Self.examplesPerOperation),
                "--workers", "1", "--request-timeout", "30", "--seed", "20251221",
                "--generation-database", "none", "--no-color",
            ])
        let status = await run.waitForExit(timeout: 240)
        let output = run.stdout
        let summary = output.components(separatedBy: "SUMMARY").last ?? output
        #expect(status == 0, "schemathesis found server errors:\n\(output.suffix(12_000))\nstderr: \(run.stderr)")
        #expect(summary.contains("Tested:"), "no summary:\n\(output.suffix(4_000))")
        #expect(server.isRunning, "the service died under schemathesis; stderr: \(server.stderr)")
    }
}
