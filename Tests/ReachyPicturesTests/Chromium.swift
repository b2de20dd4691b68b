import Foundation

/// Runs headless Chromium on a page and returns the DOM after its scripts ran (`--dump-dom`).
enum Chromium {
    /// The browser: `$CHROMIUM`, else `/usr/bin/chromium`, if it is executable.
    static var path: String? {
        let candidates = [ProcessInfo.processInfo.environment["CHROMIUM"], "/usr/bin/chromium"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var isAvailable: Bool { path != nil }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func dumpDOM(html: String, fragment: String = "") throws -> String {
        guard let path else { throw Failure(description: "Chromium is not installed.") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pictures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--user-data-dir=\(dir.path)/profile",
            "--virtual-time-budget=5000", "--dump-dom", page.absoluteString + fragment,
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
