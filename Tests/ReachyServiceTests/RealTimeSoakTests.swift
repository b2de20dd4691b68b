import Foundation
import ReachyTestSupport
import Synchronization
import Testing

/// `reachy serve --sim` in real time past the point where it used to die: with a 512 KiB stack (`ulimit -s 512`)
/// the re-wrapped telemetry callback of issue 12 overflowed the control-loop thread after ~2,300 ticks (about 23 s,
/// 224 bytes of stack a tick); 45 s with clients streaming and a program playing must leave it alive, ticking, with
/// a flat stack.
@Suite("reachy serve --sim, real time, small stack", .serialized)
struct RealTimeSoakTests {
    typealias H = ServiceHarness

    @Test("45 s under ulimit -s 512 with /ws/sdk clients and a Bop run: alive, ticking, a shallow tick stack")
    func survivesPastTheOldCrashPoint() async throws {
        let server = try await ServeBinary.startSimulator(stackKiB: 512)
        defer { server.terminateNow() }
        let port = try #require(server.port.withLock { $0 })
        let streams = (0..<2).map { _ in
            Task {
                try await H.webSocket(port: port, path: "/ws/sdk", timeout: 50) { _ in Task.isCancelled }
            }
        }
        defer { for stream in streams { stream.cancel() } }
        let run = try await server.request(
            "POST", "/api/bop/run",
            body: #"{"program": "repeat 5 times\n  nod\n  look left 20\n  look right 20\nend"}"#,
            headers: ["Content-Type": "application/json"])
        #expect(run.status == 200, "\(run.body)")

        let started = ContinuousClock.now
        var first: [String: Any]?
        while ContinuousClock.now - started < .seconds(45) {
            try await Task.sleep(for: .seconds(5))
            try #require(server.isRunning, "the server died: \(server.stderr)")
            let reading = try await server.request("GET", "/api/loop/statistics")
            #expect(reading.status == 200)
            if first == nil { first = try H.object(reading.body) }
        }
        let last = try H.object(try await server.request("GET", "/api/loop/statistics").body)
        let ticksThen = try #require(first?["ticks"] as? Int)
        let ticksNow = try #require(last["ticks"] as? Int)
        // 40 s passed between the two readings: the loop kept ticking (at 100 Hz, ~4,000 ticks; a loaded machine may
        // skip some deadlines, counted as missed).
        let missed = try #require(last["missed_ticks"] as? Int)
        #expect(ticksNow - ticksThen + missed >= 3_000, "ticks \(ticksThen) → \(ticksNow), missed \(missed)")
        let stack = try #require(last["deepest_tick_stack_bytes"] as? Int)
        #expect(stack > 0 && stack < 64 * 1024, "a tick used \(stack) B of stack")
        let status = await server.stop(SIGTERM)
        #expect(status == 143)
    }
}
