import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The built `reachy serve` in its own process: started, waited for until it prints "Serving on http://…:PORT",
/// asked over HTTP, signalled. Every test that needs the binary uses this one helper.
final class ServeBinary: Sendable {
    private let process: Process
    private final class Text: Sendable {
        let value = Mutex("")
        func append(_ d: Data) { value.withLock { $0 += String(decoding: d, as: UTF8.self) } }
        var string: String { value.withLock { $0 } }
    }
    private let stdoutText = Text()
    private let stderrText = Text()
    /// The port it listens on (known once `waitUntilReady` returned).
    let port: Mutex<Int?> = Mutex(nil)

    /// The `reachy` executable built next to the test bundle, else `.build/debug/reachy` above this file.
    static func executable() throws -> URL {
        for base in [Bundle.main.executableURL?.deletingLastPathComponent(), Bundle.main.bundleURL] {
            if let candidate = base?.appendingPathComponent("reachy"),
                FileManager.default.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
        }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent(".build/debug/reachy")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "reachy executable not built"])
    }

    /// Starts `reachy` with `arguments` (e.g. `["serve", "--sim", "--http-port", "0"]`).
    init(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdoutText = self.stdoutText
        let stderrText = self.stderrText
        out.fileHandleForReading.readabilityHandler = { stdoutText.append($0.availableData) }
        err.fileHandleForReading.readabilityHandler = { stderrText.append($0.availableData) }
        self.process = process
        try process.run()
    }

    /// `reachy serve --sim --http-port 0` plus `extra`, ready to answer.
    static func startSimulator(_ extra: [String] = []) async throws -> ServeBinary {
        let server = try ServeBinary(["serve", "--sim", "--http-port", "0"] + extra)
        guard await server.waitUntilReady() != nil else {
            _ = await server.stop(SIGKILL)
            Issue.record("reachy serve did not become ready; stderr: \(server.stderr)")
            throw CocoaError(.featureUnsupported)
        }
        return server
    }

    var stdout: String { stdoutText.string }
    var stderr: String { stderrText.string }
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
        if process.isRunning { kill(process.processIdentifier, signal) }
        return await waitForExit(timeout: timeout)
    }

    /// Kills the process at once without waiting (for `defer`).
    func terminateNow() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Waits for the exit (killing after `timeout` seconds).
    func waitForExit(timeout: Double = 90) async -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        try? await Task.sleep(for: .milliseconds(100))  // let the readability handlers drain
        return process.terminationStatus
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

extension ServeBinary {
    /// Any child process whose output is collected by readability handlers and whose exit is awaited without
    /// blocking a thread.
    final class Child: Sendable {
        private let process: Process
        private let out = Mutex("")
        private let err = Mutex("")

        init(_ executable: String, _ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            let outPipe = Pipe()
            let errPipe = Pipe()
            process.standardOutput = outPipe
            process.standardError = errPipe
            self.process = process
            outPipe.fileHandleForReading.readabilityHandler = { [weak self] h in
                let d = h.availableData
                self?.out.withLock { $0 += String(decoding: d, as: UTF8.self) }
            }
            errPipe.fileHandleForReading.readabilityHandler = { [weak self] h in
                let d = h.availableData
                self?.err.withLock { $0 += String(decoding: d, as: UTF8.self) }
            }
            try process.run()
        }

        var stdout: String { out.withLock { $0 } }
        var stderr: String { err.withLock { $0 } }

        /// Waits for the exit (killed after `timeout` seconds); the status.
        func wait(timeout: Double) async -> Int32 {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
            try? await Task.sleep(for: .milliseconds(200))
            return process.terminationStatus
        }
    }
}
