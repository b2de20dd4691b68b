public import Foundation
import ReachyRemote
import ReachyService
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `reachy bench service`: start → ready time and memory of `reachy serve --sim` (spawned), the `/ws/sdk` message
/// rate held by each of 10 clients, and `/api/state/full` latency while they stream; optionally the official
/// daemon's start → ready time and memory for comparison.
public enum ServiceBenchmarks {
    /// Why a benchmark could not run.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs everything: `reachy` is the binary to spawn, `python` the official venv's python (nil: skip the daemon).
    public static func run(
        reachy: URL, python: URL?, clients: Int = 10, seconds: Double = 4, requests: Int = 300
    ) async throws -> [BenchmarkResult] {
        var results: [BenchmarkResult] = []
        let port = try freePort()
        let started = ContinuousClock.now
        let server = try spawn(reachy, ["serve", "--sim", "--http-port", String(port)])
        defer { stop(server) }
        try await waitReady(port: port, process: server, timeout: 60) { json in
            (json["backend_status"] as? [String: Any])?["ready"] as? Bool == true
        }
        results.append(
            BenchmarkResult(name: "serve --sim start → ready", value: elapsed(since: started) * 1000, unit: "ms"))
        try await Task.sleep(for: .seconds(1))
        results.append(
            BenchmarkResult(name: "serve --sim RSS after warm-up", value: rss(server.processIdentifier), unit: "MiB"))

        let counters = (0..<clients).map { _ in Counter() }
        let streams = counters.map { counter in
            Task { try? await count(port: port, seconds: seconds + 1, into: counter) }
        }
        try await Task.sleep(for: .milliseconds(500))  // connections up
        let window0 = counters.map { $0.snapshot }
        var latencies: [Double] = []
        let windowStart = ContinuousClock.now
        for _ in 0..<requests {
            let t0 = ContinuousClock.now
            _ = try await get("http://127.0.0.1:\(port)/api/state/full")
            latencies.append(elapsed(since: t0) * 1000)
            if elapsed(since: windowStart) >= seconds { break }
        }
        let remaining = seconds - elapsed(since: windowStart)
        if remaining > 0 { try await Task.sleep(for: .milliseconds(Int(remaining * 1000))) }
        let window = elapsed(since: windowStart)
        let window1 = counters.map { $0.snapshot }
        for task in streams { task.cancel() }
        let joints = zip(window0, window1).map { Double($1.joints - $0.joints) / window }
        let poses = zip(window0, window1).map { Double($1.poses - $0.poses) / window }
        results.append(
            BenchmarkResult(
                name: "/ws/sdk joint_positions per client (min of \(clients))", value: joints.min() ?? 0, unit: "Hz")
        )
        results.append(
            BenchmarkResult(name: "/ws/sdk joint_positions per client (mean)", value: mean(joints), unit: "Hz"))
        results.append(
            BenchmarkResult(
                name: "/ws/sdk head_pose per client (min of \(clients))", value: poses.min() ?? 0, unit: "Hz"))
        results.append(BenchmarkResult(name: "/ws/sdk head_pose per client (mean)", value: mean(poses), unit: "Hz"))
        latencies.sort()
        results.append(
            BenchmarkResult(
                name: "/api/state/full p50 (\(latencies.count) requests, \(clients) streams)",
                value: percentile(latencies, 0.5), unit: "ms"))
        results.append(BenchmarkResult(name: "/api/state/full p99", value: percentile(latencies, 0.99), unit: "ms"))
        results.append(
            BenchmarkResult(
                name: "serve --sim RSS with \(clients) streams", value: rss(server.processIdentifier), unit: "MiB"))

        if let python {
            let daemon = python.deletingLastPathComponent().appendingPathComponent("reachy-mini-daemon")
            let port = try freePort()
            let started = ContinuousClock.now
            let process = try spawn(
                daemon, ["--mockup-sim", "--no-media", "--headless", "--fastapi-port", String(port)])
            defer { stop(process) }
            try await waitReady(port: port, process: process, timeout: 120) { json in
                json["state"] as? String == "running"
                    && (json["backend_status"] as? [String: Any]).map { _ in true } == true
            }
            results.append(
                BenchmarkResult(
                    name: "official daemon --mockup-sim start → ready", value: elapsed(since: started) * 1000,
                    unit: "ms"))
            try await Task.sleep(for: .seconds(1))
            results.append(
                BenchmarkResult(
                    name: "official daemon RSS after warm-up", value: rss(process.processIdentifier), unit: "MiB"))
        }
        return results
    }

    final class Counter: Sendable {
        let value = Mutex((joints: 0, poses: 0))
        var snapshot: (joints: Int, poses: Int) { value.withLock { $0 } }
    }

    static func count(port: Int, seconds: Double, into counter: Counter) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        let socket = try await PlainWebSocket.connect(to: "ws://127.0.0.1:\(port)/ws/sdk")
        for try await text in socket.messages {
            if text.hasPrefix("{\"antennas_joint_positions\"") || text.contains("\"type\":\"joint_positions\"") {
                counter.value.withLock { $0.joints += 1 }
            } else if text.contains("\"type\":\"head_pose\"") {
                counter.value.withLock { $0.poses += 1 }
            }
            if ContinuousClock.now > deadline || Task.isCancelled { break }
        }
        await socket.close()
    }

    static func spawn(_ executable: URL, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "Could not start \(executable.path): \(error.localizedDescription)")
        }
        return process
    }

    /// `reachy serve --sim` spawned on a free loopback port, once its backend is ready (stop it with ``stop(_:)``).
    static func startSimulator(_ reachy: URL) async throws -> (Process, Int) {
        let port = try freePort()
        let server = try spawn(reachy, ["serve", "--sim", "--http-port", String(port)])
        do {
            try await waitReady(port: port, process: server, timeout: 120) { json in
                (json["backend_status"] as? [String: Any])?["ready"] as? Bool == true
            }
        } catch {
            stop(server)
            throw error
        }
        return (server, port)
    }

    static func stop(_ process: Process) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    static func waitReady(
        port: Int, process: Process, timeout: Double, ready: ([String: Any]) -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw Failure(
                    description: "The server exited (status \(process.terminationStatus)) before it was ready.")
            }
            if let data = try? await get("http://127.0.0.1:\(port)/api/daemon/status"),
                let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any], ready(json)
            {
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw Failure(description: "The server did not become ready within \(Int(timeout)) s.")
    }

    static func get(_ url: String) async throws -> Data {
        guard let url = URL(string: url) else { throw Failure(description: "bad URL \(url)") }
        var request = URLRequest(url: url)
        request.timeoutInterval = 5
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw Failure(description: "not 200") }
        return data
    }

    /// VmRSS of a process, MiB.
    static func rss(_ pid: Int32) -> Double {
        ProcessMemory.residentKiB(pid: pid).map { Double($0) / 1024 } ?? .nan
    }

    /// A free TCP port on loopback (bound then released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "could not find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func elapsed(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    static func mean(_ v: [Double]) -> Double { v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count) }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let index = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[index]
    }
}
