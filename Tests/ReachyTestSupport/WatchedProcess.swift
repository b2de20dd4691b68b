public import Foundation
import Synchronization

/// A running child process whose standard output and error can be read while it runs (to wait for a line, then
/// signal it), with blocking and non-blocking ways to wait for its exit.
public final class WatchedProcess: Sendable {
    private let process: Process
    private let outText = Mutex("")
    private let errText = Mutex("")

    /// Starts `executable arguments`.
    public init(_ executable: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        self.process = process
        outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.outText.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.errText.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// Starts the built `reachy` with `arguments`.
    public static func reachy(_ arguments: [String]) throws -> WatchedProcess {
        try WatchedProcess(try ReachyExecutable.url(), arguments)
    }

    /// Standard output so far.
    public var stdout: String { outText.withLock { $0 } }
    /// Standard error so far.
    public var stderr: String { errText.withLock { $0 } }
    /// Whether it still runs.
    public var isRunning: Bool { process.isRunning }
    /// Its process id.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Sends `signal` to the process.
    public func send(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Waits (polling, at most `timeout` seconds) until standard error contains `text`; false on timeout or exit.
    /// Blocks the calling thread: use from synchronous tests only.
    public func waitForStderr(_ text: String, timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(text) { return true }
            if !process.isRunning { return stderr.contains(text) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Waits for the exit (killing the process after `timeout` seconds) and returns its status. Blocks the
    /// calling thread: use from synchronous tests only.
    public func finish(timeout: Double = 60) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.2)  // let the readability handlers drain
        return process.terminationStatus
    }

    /// Waits for the exit (killing the process after `timeout` seconds) without blocking a thread of the
    /// cooperative pool; the status.
    public func waitForExit(timeout: Double) async -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        try? await Task.sleep(for: .milliseconds(200))  // let the readability handlers drain
        return process.terminationStatus
    }
}
