import Foundation
import ReachyTestSupport
import Synchronization
import Testing

@testable import ReachyService

/// `reachy serve --sim` under the hostile traffic of issue 13 — the same requests `reachy bench abuse` sends, a fixed
/// number of rounds (no timing): every one gets a clear answer, nothing is left hanging, the robot still obeys an
/// honest goto afterwards, and memory stays bounded (a 21-byte `nod 1000000000 times` once took 4 GiB).
@Suite("reachy serve --sim under hostile traffic", .serialized)
struct HostileTrafficTests {
    typealias H = ServiceHarness

    /// The answers each kind may give.
    static let allowed: [HostileTraffic.Kind: Set<Int>] = [
        // A diagnostic (200 with ok false, or a budget hit), or too large for the body limit.
        .bopCheck: [200, 413],
        // Started (and stopped at once), refused as too large / not playable, or a run still stopping.
        .bopRun: [200, 409, 413, 422],
        // 400 Bad Request / 431 Request Header Fields Too Large / 501 for an unknown method — never silence.
        .malformed: [400, 405, 431, 501],
        .crossSite: [403],
        .absurdTargets: [422],
    ]

    @Test("every hostile request is answered, the robot still obeys, memory stays bounded")
    func hostileRoundsAreAnswered() async throws {
        let server = try await ServeBinary.startSimulator()
        defer { server.terminateNow() }
        let port = try #require(server.port.withLock { $0 })
        func resident() async throws -> Int {
            let reading = try H.object(try await server.request("GET", "/api/loop/statistics").body)
            return try #require(reading["resident_memory_kib"] as? Int)
        }
        // One round of each first, so that what the first use allocates (the compiler's tables, connections…)
        // counts as the baseline.
        for kind in HostileTraffic.Kind.allCases { _ = await HostileTraffic.attack(kind, turn: 0, port: port) }
        let before = try await resident()

        for turn in 0..<4 {
            for kind in HostileTraffic.Kind.allCases {
                let statuses = await HostileTraffic.attack(kind, turn: turn, port: port)
                let allowed = try #require(Self.allowed[kind])
                for status in statuses {
                    #expect(allowed.contains(status), "\(kind.rawValue), turn \(turn): answered \(status)")
                }
            }
            try #require(server.isRunning, "the server died: \(server.stderr)")
        }
        let after = try await resident()
        #expect(after - before < 64 * 1024, "RSS \(before / 1024) → \(after / 1024) MiB")

        // The robot was not poisoned by the absurd targets: an honest goto lands.
        let goto = try await server.request(
            "POST", "/api/move/goto", body: #"{"body_yaw": 0.3, "duration": 0.5}"#,
            headers: ["Content-Type": "application/json"])
        #expect(goto.status == 200, "\(goto.body)")
        var yaw = Double.nan
        for _ in 0..<60 where !(abs(yaw - 0.3) < 0.02) {
            try await Task.sleep(for: .milliseconds(100))
            yaw = Double(try await server.request("GET", "/api/state/present_body_yaw").body) ?? .nan
        }
        #expect(abs(yaw - 0.3) < 0.02, "body yaw \(yaw)")
        #expect(await server.stop(SIGTERM) == 143)
    }

    @Test("malformed requests are answered and their connections closed")
    func malformedRequestsAreClosed() async throws {
        let server = try await ServeBinary.startSimulator()
        defer { server.terminateNow() }
        let port = try #require(server.port.withLock { $0 })
        for request in HostileTraffic.malformedRequests {
            let answer = await HostileTraffic.onThread { RawSocket.exchange(port: port, request, timeout: 10) }
            #expect(answer.closed, "left open: \(request.prefix(40))")
            #expect(answer.status.map { (400..<500).contains($0) || $0 == 501 } ?? true, "\(request.prefix(40))")
        }
        #expect(try await server.request("GET", "/api/daemon/status").status == 200)
    }
}
