public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
    private let streamSocket = Int32(SOCK_STREAM.rawValue)
#elseif canImport(Darwin)
    import Darwin
    private let streamSocket = SOCK_STREAM
#endif

/// A `reachy serve` (or any local HTTP server) started as a child process on a free loopback port; `stop()` ends
/// it — call it on every path.
public final class ServeProcess: Sendable {
    /// The port it listens on.
    public let port: Int
    private let process: Process
    private let output: ProcessOutput
    private let stopped = Mutex(false)

    /// The page's address, `http://127.0.0.1:PORT/`.
    public var baseURL: String { "http://127.0.0.1:\(port)/" }

    /// Runs `executable` with `arguments` plus `--http-port PORT` (a free port), `environment` added to this
    /// process's, and waits, at most `timeout` seconds, until that port accepts connections.
    public init(
        executable: URL, arguments: [String] = ["serve", "--sim"], environment: [String: String] = [:],
        timeout: Double = 60
    ) throws {
        let port = try Self.freePort()
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["--http-port", String(port)]
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        let output = ProcessOutput(pipe)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var listening = false
        while Date() < deadline, process.isRunning {
            if Self.accepts(port: port) {
                listening = true
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard listening else {
            process.end(grace: 10)
            throw BrowserError.serverDidNotStart(output: output.string)
        }
        self.port = port
        self.process = process
        self.output = output
    }

    /// Everything the server printed so far.
    public var log: String { output.string }

    /// Ends the server (SIGTERM, then SIGKILL after 10 s). Safe to call more than once.
    public func stop() {
        let already = stopped.withLock { value in
            defer { value = true }
            return value
        }
        guard !already else { return }
        process.end(grace: 10)
    }

    deinit { stop() }

    /// A loopback TCP port nobody listens on right now (the kernel's pick).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw BrowserError.serverDidNotStart(output: "no socket for a free port: errno \(errno)") }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else { throw BrowserError.serverDidNotStart(output: "could not bind a free port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on the loopback `port`.
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
