import Foundation
import Testing

/// Runs the built `reachy` (found by walking up from this file to `.build/debug/reachy`) and captures what a user
/// sees; `whileRunning` is called once the process has started (to disturb it).
enum ReachyCLIRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

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

    static func run(
        _ arguments: [String], timeout: Double = 120, whileRunning: (() -> Void)? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
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
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
