import Foundation
import Synchronization
import Testing

/// The built `reachy serve` while hostile clients run (issue 13, point 5): hundreds of silent connections, slowloris
/// connections trickling a header line at a time, and malformed requests, all at once. The service must keep
/// answering a normal client throughout, hold no more connections than its cap, and shed the abusers within the
/// header timeout.
@Suite(.serialized) struct ServiceUnderAbuseTests {
    @Test func theServiceKeepsAnsweringWhileAbuseRuns() async throws {
        let server = try await ServeBinary.startSimulator(["--header-timeout", "2", "--max-connections", "64"])
        defer { server.terminateNow() }
        let port = try #require(server.port.withLock { $0 })
        var silent: [Int32] = []
        defer { for fd in silent { close(fd) } }
        for _ in 0..<300 { silent.append(try RawHTTP.connect(port: port, timeout: 5)) }
        var slow: [Int32] = []
        defer { for fd in slow { close(fd) } }
        for _ in 0..<20 {
            let fd = try RawHTTP.connect(port: port, timeout: 5)
            RawHTTP.send(fd, "GET /api/daemon/status HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            slow.append(fd)
        }
        let started = ContinuousClock.now
        var worst = Duration.zero
        var failures = 0
        var line = 0
        var openAfterOneSecond: Int?
        while ContinuousClock.now - started < .seconds(6) {
            line += 1
            for fd in slow { RawHTTP.send(fd, "X-Slow-\(line): still coming\r\n") }
            let garbage = try RawHTTP.connect(port: port, timeout: 5)
            RawHTTP.send(garbage, "FROB / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            close(garbage)
            let asked = ContinuousClock.now
            let answer = try RawHTTP.get(port: port, path: "/api/daemon/status", host: "127.0.0.1:\(port)")
            worst = max(worst, ContinuousClock.now - asked)
            if !answer.hasPrefix("HTTP/1.1 200") { failures += 1 }
            if openAfterOneSecond == nil, ContinuousClock.now - started > .seconds(1) {
                openAfterOneSecond = (silent + slow).filter { !HTTPHygieneTests.isClosed($0) }.count
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        let stillOpen = (silent + slow).filter { !HTTPHygieneTests.isClosed($0) }.count
        print(
            "abuse: 300 silent + 20 slowloris; open after 1 s: \(openAfterOneSecond ?? -1), after 6 s: \(stillOpen); "
                + "worst status latency \(worst), failures \(failures)")
        #expect(failures == 0)
        #expect(worst < .seconds(2), "a normal request waited \(worst)")
        #expect((openAfterOneSecond ?? 0) <= 64, "more connections held than the cap")
        #expect(stillOpen == 0, "\(stillOpen) abusive connections still open after the header timeout")
        #expect(server.isRunning)
    }
}
