import Foundation
import Synchronization
import Testing

/// A running `reachy` whose standard error can be watched while it runs (to send it a signal at the right moment).
final class LiveProcess: Sendable {
    private let process: Process
    private final class Text: Sendable {
        let value = Mutex("")
        func append(_ d: Data) { value.withLock { $0 += String(decoding: d, as: UTF8.self) } }
        var string: String { value.withLock { $0 } }
    }
    private let stdoutText = Text()
    private let stderrText = Text()

    init(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = try NewsCLI.binary()
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdoutText = self.stdoutText
        let stderrText = self.stderrText
        out.fileHandleForReading.readabilityHandler = { h in
            let d = h.availableData
            stdoutText.append(d)
        }
        err.fileHandleForReading.readabilityHandler = { h in
            let d = h.availableData
            stderrText.append(d)
        }
        self.process = process
        try process.run()
    }

    var stdout: String { stdoutText.string }
    var stderr: String { stderrText.string }

    /// Waits (polling, at most `timeout` seconds) until standard error contains `text`; false on timeout or exit.
    func waitForStderr(_ text: String, timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(text) { return true }
            if !process.isRunning { return stderr.contains(text) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the exit (killing the process after `timeout` seconds) and returns its status.
    func finish(timeout: Double = 60) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.1)  // let the readability handlers drain
        return process.terminationStatus
    }
}
