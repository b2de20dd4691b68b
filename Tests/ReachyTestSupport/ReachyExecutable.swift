public import Foundation

/// The built `reachy` executable, for tests that run it as a user would.
public enum ReachyExecutable {
    /// The `reachy` built next to the test bundle (same configuration), else `.build/debug/reachy` found by walking
    /// up from this file to the package root.
    public static func url() throws -> URL {
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
        throw CocoaError(
            .fileNoSuchFile,
            userInfo: [NSLocalizedDescriptionKey: "the reachy executable is not built: run `swift build` first"])
    }

    /// Runs `reachy arguments` to the end (interrupted after `timeout` seconds) and returns what a user sees;
    /// `whileRunning` is called once the process has started (to disturb it). `environment` is added to (and
    /// overrides) this process's environment.
    public static func run(
        _ arguments: [String], timeout: Double = 120, environment: [String: String] = [:],
        whileRunning: (() -> Void)? = nil
    ) throws -> CommandOutput {
        let process = Process()
        process.executableURL = try url()
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.interrupt() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        whileRunning?()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandOutput(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// What a finished command printed, and its exit status.
public struct CommandOutput: Sendable {
    /// The exit status.
    public var status: Int32
    /// Everything on standard output.
    public var stdout: String
    /// Everything on standard error.
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}
