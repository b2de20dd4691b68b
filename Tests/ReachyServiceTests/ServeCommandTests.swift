import Foundation
import Synchronization
import Testing

/// `reachy serve` as a user runs it: refusal without a token, SIGTERM/SIGINT → safe stop and exit status.
@Suite(.serialized) struct ServeCommandTests {
    @Test func refusesNetworkAddressWithoutToken() async throws {
        let server = try ServeBinary(["serve", "--sim", "--host", "0.0.0.0", "--http-port", "0"])
        let status = await server.waitForExit(timeout: 30)
        #expect(status == 64)
        #expect(
            server.stderr.contains(
                "Error: Refusing to listen on 0.0.0.0 without a token: anyone on the network could move the robot. "
                    + "Pass --token SECRET (clients then send \"Authorization: Bearer SECRET\"), or keep the default "
                    + "--host 127.0.0.1."), "\(server.stderr)")
        #expect(server.stdout.isEmpty)
    }

    @Test func sigtermPutsTheRobotToSleepAndExits143() async throws {
        let server = try await ServeBinary.startSimulator()
        let (status, body) = try await server.request("GET", "/api/daemon/status")
        #expect(status == 200)
        #expect(try HTTP.json(body)["state"] as? String == "running")
        // A WebSocket client connected at shutdown must not keep the server up.
        let port = try #require(server.port.withLock { $0 })
        let socket = Task {
            try? await ServiceHarness.webSocket(port: port, path: "/ws/sdk", timeout: 120) { _ in false }
        }
        try await Task.sleep(for: .milliseconds(300))
        let exit = await server.stop(SIGTERM)
        socket.cancel()
        #expect(exit == 143)
        #expect(server.stderr.contains("Interrupted (SIGTERM): stopping safely (sleep)…"), "\(server.stderr)")
        #expect(server.stderr.contains("The robot is in its sleep pose with the motors off."), "\(server.stderr)")
    }

    @Test func sigintReleasesWhenAskedAndExits130() async throws {
        let server = try await ServeBinary.startSimulator(["--on-interrupt", "release"])
        let exit = await server.stop(SIGINT)
        #expect(exit == 130)
        #expect(server.stderr.contains("Interrupted (SIGINT): stopping safely (release)…"), "\(server.stderr)")
        #expect(server.stderr.contains("The motors are off."), "\(server.stderr)")
    }

    @Test func tokenIsEnforcedByTheBinary() async throws {
        let server = try await ServeBinary.startSimulator(["--host", "127.0.0.1", "--token", "abc123"])
        defer { server.terminateNow() }
        #expect(try await server.request("GET", "/api/motors/status").status == 401)
        let ok = try await server.request("GET", "/api/motors/status", headers: ["Authorization": "Bearer abc123"])
        #expect(ok.status == 200)
        #expect(ok.body == #"{"mode":"enabled"}"#)
    }
}
