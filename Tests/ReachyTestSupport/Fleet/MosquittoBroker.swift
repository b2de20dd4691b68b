public import Foundation
import Synchronization

/// An Eclipse Mosquitto broker started for a test or a benchmark on a free loopback port (anonymous, no
/// persistence: a restart forgets every retained message, as a broker that lost power would); `restart()` keeps the
/// port, `stop()` ends it — call it on every path.
public final class MosquittoBroker: Sendable {
    /// The port it listens on (127.0.0.1).
    public let port: Int
    private let directory: TemporaryDirectory
    private let process = Mutex<Process?>(nil)

    /// `mqtt://127.0.0.1:PORT`.
    public var url: String { "mqtt://127.0.0.1:\(port)" }

    /// Starts a broker and waits (at most `timeout` seconds) until it accepts connections.
    /// - Throws: ``MosquittoBrokerError``.
    public init(timeout: Double = 10) throws {
        guard let executable = Self.executable() else { throw MosquittoBrokerError.notInstalled }
        directory = try TemporaryDirectory("mosquitto")
        port = try ServeProcess.freePort()
        let configuration = """
            listener \(port) 127.0.0.1
            allow_anonymous true
            persistence false
            set_tcp_nodelay true
            max_queued_messages 10000

            """
        try configuration.write(to: directory.file("mosquitto.conf"), atomically: true, encoding: .utf8)
        try start(executable, timeout: timeout)
    }

    deinit { stop() }

    /// Stops the broker (SIGTERM, then SIGKILL); safe to call more than once.
    public func stop() {
        process.withLock { $0 }?.end(grace: 5)
    }

    /// Stops the broker and starts a fresh one on the same port.
    /// - Throws: ``MosquittoBrokerError``.
    public func restart(timeout: Double = 10) throws {
        stop()
        guard let executable = Self.executable() else { throw MosquittoBrokerError.notInstalled }
        try start(executable, timeout: timeout)
    }

    private func start(_ executable: URL, timeout: Double) throws {
        let child = Process()
        child.executableURL = executable
        child.arguments = ["-c", directory.file("mosquitto.conf").path]
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        process.withLock { $0 = child }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if ServeProcess.accepts(port: port) { return }
            if !child.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        child.end(grace: 2)
        throw MosquittoBrokerError.didNotStart(port: port)
    }

    /// The `mosquitto` program: /usr/sbin (Debian), else on PATH.
    public static func executable() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates =
            ["/usr/sbin", "/usr/local/sbin", "/opt/homebrew/sbin"] + path.split(separator: ":").map(String.init)
        for directory in candidates {
            let url = URL(fileURLWithPath: directory).appendingPathComponent("mosquitto")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }
}

/// Why a test broker could not run.
public enum MosquittoBrokerError: Error, CustomStringConvertible {
    /// `mosquitto` is not installed.
    case notInstalled
    /// It did not listen in time.
    case didNotStart(port: Int)

    public var description: String {
        switch self {
        case .notInstalled: "mosquitto is not installed: run `make setup` (or `apt-get install mosquitto`)."
        case .didNotStart(let port): "mosquitto did not listen on 127.0.0.1:\(port) in time."
        }
    }
}
