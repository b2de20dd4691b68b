import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The official daemon (`reachy-mini-daemon --mockup-sim --no-media --headless`) started for a test. Foundation
/// starts it as the leader of its own process group, so `stop()` kills the group (it and any child) and the process
/// itself. Found next to `REACHY_DAEMON_PYTHON`.
final class DaemonProcess: @unchecked Sendable {
    /// The python of a venv with `reachy-mini==1.13.0`, from `REACHY_DAEMON_PYTHON`.
    static let python: String? = {
        guard let path = ProcessInfo.processInfo.environment["REACHY_DAEMON_PYTHON"], !path.isEmpty,
            FileManager.default.isExecutableFile(atPath: path)
        else { return nil }
        return path
    }()

    let port: Int
    let process = Process()
    let log: URL
    var base: String { "http://127.0.0.1:\(port)" }

    /// Starts the daemon on a free port, `environment` added to this process's, and waits (at most `timeout` s)
    /// until `/api/daemon/status` says running.
    init(timeout: Double = 90, environment: [String: String] = [:]) throws {
        let python = try #require(Self.python)
        let daemon = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent(
            "reachy-mini-daemon")
        port = try Self.freePort()
        log = FileManager.default.temporaryDirectory.appendingPathComponent("reachy-remote-daemon-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = daemon
        process.arguments = [
            "--mockup-sim", "--no-media", "--headless", "--fastapi-port", String(port),
            "--no-preload-datasets", "--dataset-update-interval", "0", "--no-goto-sleep-on-stop",
        ]
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let json = try? Self.get("\(base)/api/daemon/status"), json["state"] as? String == "running" { return }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.25)
        }
        stop()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        Issue.record("the daemon did not reach running within \(timeout) s; its log:\n\(text.suffix(2000))")
        throw CancellationError()
    }

    /// Kills the daemon's process group (SIGKILL) and waits for it. Safe to call more than once.
    func stop() {
        let pid = process.processIdentifier
        if pid > 0, process.isRunning {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
        if pid > 0 { process.waitUntilExit() }
        try? FileManager.default.removeItem(at: log)
    }

    deinit { stop() }

    /// A GET answered with a JSON object.
    static func get(_ url: String) throws -> [String: Any] {
        try request("GET", url)
    }

    /// A request answered with a JSON object (blocking).
    static func request(_ method: String, _ url: String, body: String? = nil) throws -> [String: Any] {
        var request = URLRequest(url: try #require(URL(string: url)), timeoutInterval: 5)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let result = Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, error in
            result.set(data, error)
            done.signal()
        }.resume()
        done.wait()
        let (data, error) = result.get()
        if let error { throw error }
        let object = try JSONSerialization.jsonObject(with: data ?? Data())
        return try #require(object as? [String: Any])
    }

    /// The daemon's own state: head joints, antennas, body yaw, head pose (4×4 row-major), motor mode.
    func state() throws -> [String: Any] {
        try Self.get(
            "\(base)/api/state/full?with_head_joints=true&with_antenna_positions=true&with_body_yaw=true"
                + "&with_head_pose=true&use_pose_matrix=true&with_control_mode=true")
    }

    /// A TCP port nobody listens on now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        try #require(bound == 0)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (Data?, (any Error)?) = (nil, nil)
        func set(_ data: Data?, _ error: (any Error)?) {
            lock.lock()
            value = (data, error)
            lock.unlock()
        }
        func get() -> (Data?, (any Error)?) {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }
}
