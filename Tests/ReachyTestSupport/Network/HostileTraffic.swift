import Foundation

#if canImport(FoundationNetworking)
    package import FoundationNetworking
#endif

/// The hostile requests of `reachy bench abuse` (issue 13's probe): programs written to exhaust the compiler,
/// malformed and never-finished HTTP requests, cross-site requests and absurd targets. Each kind is one worker
/// that repeats its requests until a deadline and counts how they were answered.
package enum HostileTraffic {
    /// One kind of abuse.
    package enum Kind: String, CaseIterable, Sendable {
        /// `/api/bop/check` with programs that are huge, deeply expanding or asking for 10⁹ moves.
        case bopCheck = "bop check (huge / exponential / 10⁹ moves)"
        /// The same programs through `/api/bop/run`, each followed by `/api/bop/stop`.
        case bopRun = "bop run + stop of the same"
        /// Raw bytes, an unknown method, a 100 KB header, 2,000 headers.
        case malformed = "malformed HTTP (garbage, BREW, 100 KB header, 2,000 headers)"
        /// Requests from `Origin: http://evil.example` and with `Host: evil.example`.
        case crossSite = "cross-site (evil Origin / Host)"
        /// Gotos with body yaw ±1e308, a reflection matrix, a non-rigid matrix.
        case absurdTargets = "absurd goto targets (1e308, reflection, non-rigid)"
    }

    /// `define move m0` … `m30`, each using the one before twice (2³⁰ nods if expanded).
    package static let doublingMoves: String = {
        var lines = ["define move m0", "  nod", "end"]
        for i in 1...30 { lines += ["define move m\(i)", "  m\(i - 1)", "  m\(i - 1)", "end"] }
        lines.append("m30")
        return lines.joined(separator: "\n") + "\n"
    }()

    /// The programs of the Bop workers.
    package static let programs: [String] = [
        doublingMoves,
        "look left " + Array(repeating: "1", count: 40_000).joined(separator: "+") + "\n",
        "nod 1000000000 times\n",
        String(repeating: "nod\nlook left 10\nwiggle antennas\n", count: 7_500),  // ≈ 250 KB
    ]

    /// Raw requests an HTTP library will not send.
    package static let malformedRequests: [String] = [
        String(repeating: "\u{1}\u{2}garbage\u{7f}", count: 64) + "\r\n\r\n",
        "BREW /api/daemon/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /api/daemon/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + String(repeating: "a", count: 100_000)
            + "\r\n\r\n",
        "GET /api/daemon/status HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + (0..<2000).map { "X-H\($0): v\r\n" }.joined() + "\r\n",
    ]

    /// Goto bodies no robot can honour.
    package static let absurdGotos: [String] = [
        #"{"body_yaw": 1e308, "duration": 1}"#,
        #"{"body_yaw": -1e308, "duration": 1}"#,
        #"{"head_pose": {"m": [[1,0,0,0],[0,1,0,0],[0,0,-1,0],[0,0,0,1]]}, "duration": 1}"#,
        #"{"head_pose": {"m": [[2,0,0,0],[0,1,0,0],[0,0,1,0],[0,0,0,1]]}, "duration": 1}"#,
    ]

    /// One round of `kind` (the `turn`-th program, request or target of its list): the statuses of the answers
    /// (0: no answer; for raw requests -1: closed without an answer, -2: neither answered nor closed within 5 s).
    package static func attack(_ kind: Kind, turn: Int, port: Int) async -> [Int] {
        let base = "http://127.0.0.1:\(port)"
        switch kind {
        case .bopCheck:
            let body = json(["program": programs[turn % programs.count]])
            return [await status(post(base + "/api/bop/check", body, "application/json"))]
        case .bopRun:
            let body = json(["program": programs[turn % programs.count]])
            let run = await status(post(base + "/api/bop/run", body, "application/json"))
            _ = await status(post(base + "/api/bop/stop", "{}", "application/json"))
            return [run]
        case .malformed:
            let request = malformedRequests[turn % malformedRequests.count]
            let answer = await onThread { RawSocket.exchange(port: port, request, timeout: 5) }
            return [answer.status ?? (answer.closed ? -1 : -2)]
        case .crossSite:
            var request = post(base + "/api/move/goto", #"{"body_yaw": 0.5, "duration": 1}"#, "text/plain")
            request.setValue("http://evil.example", forHTTPHeaderField: "Origin")
            let origin = await status(send(request))
            let rebinding = await onThread {
                RawSocket.exchange(
                    port: port, "GET /api/daemon/status HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
                    timeout: 5)
            }
            return [origin, rebinding.status ?? -1]
        case .absurdTargets:
            let body = absurdGotos[turn % absurdGotos.count]
            return [await status(post(base + "/api/move/goto", body, "application/json"))]
        }
    }

    /// Opens `count` connections that send a request head one header line every `interval` seconds and never
    /// finish it (slowloris) until `deadline`; returns how many the server had closed by then.
    package static func slowloris(port: Int, count: Int, interval: Double, until deadline: ContinuousClock.Instant)
        async
        -> (opened: Int, closedByServer: Int)
    {
        await onThread {
            var sockets: [Int32] = []
            for _ in 0..<count {
                guard let fd = RawSocket.connect(port: port, timeout: 1) else { break }
                RawSocket.send(fd, "GET /api/daemon/status HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                sockets.append(fd)
            }
            defer { for fd in sockets { close(fd) } }
            var closed = Set<Int32>()
            var line = 0
            while ContinuousClock.now < deadline {
                Thread.sleep(
                    forTimeInterval: min(
                        interval,
                        max(
                            0,
                            Double((deadline - .now).components.seconds) + Double(
                                (deadline - .now).components.attoseconds) * 1e-18)))
                line += 1
                for fd in sockets where !closed.contains(fd) {
                    if !RawSocket.send(fd, "X-Slow-\(line): 1\r\n") || RawSocket.peerClosed(fd) { closed.insert(fd) }
                }
            }
            return (sockets.count, closed.count)
        }
    }

    /// Runs blocking socket work on a thread of its own: on the cooperative pool (two threads on a two-core
    /// machine) it would also hold up the benchmark's own honest client and make the server look slow.
    package static func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    package static func json(_ object: [String: String]) -> String {
        (try? JSONEncoder().encode(object)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    package static func post(_ url: String, _ body: String, _ type: String) -> URLRequest {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.timeoutInterval = 30
        request.setValue(type, forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        return request
    }

    package static func send(_ request: URLRequest) async -> Int? {
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return nil }
        return (response as? HTTPURLResponse)?.statusCode
    }

    package static func status(_ request: URLRequest) async -> Int { await send(request) ?? 0 }
    package static func status(_ code: Int?) -> Int { code ?? 0 }
}
