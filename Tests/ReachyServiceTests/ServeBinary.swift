import Foundation
import ReachyTestSupport
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The built `reachy serve` in its own process: started, waited for until it prints "Serving on http://…:PORT",
/// asked over HTTP, signalled. Every test that needs the binary uses this one helper.
final class ServeBinary: Sendable {
    private let process: WatchedProcess
    /// The port it listens on (known once `waitUntilReady` returned).
    let port: Mutex<Int?> = Mutex(nil)

    /// Starts `reachy` with `arguments` (e.g. `["serve", "--sim", "--http-port", "0"]`); with `stackKiB`, under
    /// `ulimit -s` of that size (the stack of the main thread and of every thread it starts).
    init(_ arguments: [String], stackKiB: Int? = nil) throws {
        if let stackKiB {
            let reachy = try ReachyExecutable.url().path
            process = try WatchedProcess(
                URL(fileURLWithPath: "/bin/bash"),
                ["-c", "ulimit -s \(stackKiB) && exec \"$0\" \"$@\"", reachy] + arguments)
        } else {
            process = try WatchedProcess.reachy(arguments)
        }
    }

    /// `reachy serve --sim --http-port 0` plus `extra`, ready to answer (under `ulimit -s stackKiB` when given).
    static func startSimulator(_ extra: [String] = [], stackKiB: Int? = nil) async throws -> ServeBinary {
        let server = try ServeBinary(["serve", "--sim", "--http-port", "0"] + extra, stackKiB: stackKiB)
        guard await server.waitUntilReady() != nil else {
            _ = await server.stop(SIGKILL)
            Issue.record("reachy serve did not become ready; stderr: \(server.stderr)")
            throw CocoaError(.featureUnsupported)
        }
        return server
    }

    var stdout: String { process.stdout }
    var stderr: String { process.stderr }
    var isRunning: Bool { process.isRunning }

    /// Waits until "Serving on http://HOST:PORT" is printed (at most `timeout` seconds); the port, or nil.
    /// Polls with `Task.sleep`: never blocks a thread of the cooperative pool.
    @discardableResult
    func waitUntilReady(timeout: Double = 90) async -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let range = stdout.range(of: #"Serving on http://[^ ]+:(\d+)"#, options: .regularExpression) {
                let text = stdout[range]
                let digits = text.split(separator: ":").last.map(String.init) ?? ""
                if let value = Int(digits) {
                    port.withLock { $0 = value }
                    return value
                }
            }
            if !process.isRunning { return nil }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    /// The base URL (`http://127.0.0.1:PORT`).
    var baseURL: String { "http://127.0.0.1:\(port.withLock { $0 } ?? 0)" }

    /// Sends `signal`, waits for the exit (killing after `timeout` seconds) and returns the status.
    func stop(_ signal: Int32 = SIGTERM, timeout: Double = 90) async -> Int32 {
        process.send(signal)
        return await waitForExit(timeout: timeout)
    }

    /// Kills the process at once without waiting (for `defer`).
    func terminateNow() { process.send(SIGKILL) }

    /// Waits for the exit (killing after `timeout` seconds).
    func waitForExit(timeout: Double = 90) async -> Int32 {
        await process.waitForExit(timeout: timeout)
    }

    /// One HTTP request to the server: status and body.
    func request(
        _ method: String, _ path: String, body: String? = nil, headers: [String: String] = [:]
    ) async throws -> (status: Int, body: String) {
        try await HTTP.request(method, baseURL + path, body: body, headers: headers)
    }
}

/// Plain HTTP requests (URLSession) for tests against the binary.
enum HTTP {
    static func request(
        _ method: String, _ url: String, body: String? = nil, headers: [String: String] = [:]
    ) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.timeoutInterval = 30
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        if let body {
            request.httpBody = Data(body.utf8)
            if headers["Content-Type"] == nil {
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return (status, String(decoding: data, as: UTF8.self))
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
