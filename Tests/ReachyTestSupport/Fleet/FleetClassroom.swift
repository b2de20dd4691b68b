import Foundation
import Synchronization

/// A classroom on this machine for tests and `reachy bench fleet`: a ``MosquittoBroker`` and simulated robots, each
/// a separate `reachy serve --sim --fleet …` process, named `r1`, `r2`… in groups `even` and `odd`. ``stop()`` ends
/// them all — call it on every path.
public final class FleetClassroom: Sendable {
    /// The broker.
    public let broker: MosquittoBroker
    /// The class token the robots were given.
    public let token: String
    /// The class name.
    public let classroom: String
    /// The robots' names.
    public let names: [String]
    private let robots = Mutex<[String: WatchedProcess]>([:])

    /// Starts a broker and `count` robots, and waits (at most `timeout` seconds each) until every robot has joined
    /// (printed "In class").
    /// - Throws: ``MosquittoBrokerError``, ``FleetClassroomError``.
    public init(robots count: Int, token: String = "class-secret", classroom: String = "test", timeout: Double = 60)
        throws
    {
        broker = try MosquittoBroker()
        self.token = token
        self.classroom = classroom
        names = (1...max(1, count)).map { "r\($0)" }
        let started = try names.map { name in (name, try launch(name)) }
        robots.withLock { $0 = Dictionary(uniqueKeysWithValues: started) }
        for (name, process) in started {
            guard Self.waitForJoin(process, timeout: timeout) else {
                stop()
                throw FleetClassroomError.robotDidNotJoin(name: name, output: process.stdout + process.stderr)
            }
        }
    }

    deinit { stop() }

    /// The group of a robot: `odd` or `even` by its number.
    public static func group(of name: String) -> String {
        (Int(name.dropFirst()) ?? 0) % 2 == 0 ? "even" : "odd"
    }

    /// The arguments a robot is started with.
    public func arguments(for name: String) -> [String] {
        [
            "serve", "--sim", "--http-port", "0", "--fleet", broker.url, "--class", classroom, "--robot-name", name,
            "--group", Self.group(of: name), "--class-token", token, "--on-interrupt", "hold",
        ]
    }

    /// The process of robot `name`.
    public func process(_ name: String) -> WatchedProcess? { robots.withLock { $0[name] } }

    /// Sends `signal` to robot `name`.
    public func signal(_ name: String, _ signal: Int32) { process(name)?.send(signal) }

    /// Starts robot `name` again (after it was killed) and waits until it has joined.
    /// - Throws: ``FleetClassroomError``.
    public func restart(_ name: String, timeout: Double = 60) throws {
        if let old = process(name) { _ = old.finish(timeout: 10) }
        let process = try launch(name)
        robots.withLock { $0[name] = process }
        guard Self.waitForJoin(process, timeout: timeout) else {
            throw FleetClassroomError.robotDidNotJoin(name: name, output: process.stdout + process.stderr)
        }
    }

    /// Ends every robot (SIGTERM, then SIGKILL after 10 s) and the broker.
    public func stop() {
        let all = robots.withLock { robots in
            defer { robots = [:] }
            return Array(robots.values)
        }
        for process in all { process.send(SIGTERM) }
        for process in all { _ = process.finish(timeout: 10) }
        broker.stop()
    }

    private func launch(_ name: String) throws -> WatchedProcess {
        try WatchedProcess.reachy(arguments(for: name))
    }

    private static func waitForJoin(_ process: WatchedProcess, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if process.stdout.contains("In class") { return true }
            if !process.isRunning { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}

/// Why a classroom could not start.
public enum FleetClassroomError: Error, CustomStringConvertible {
    /// A robot exited or did not join in time.
    case robotDidNotJoin(name: String, output: String)

    public var description: String {
        switch self {
        case .robotDidNotJoin(let name, let output): "robot \(name) did not join its class:\n\(output)"
        }
    }
}
