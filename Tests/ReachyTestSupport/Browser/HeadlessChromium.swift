public import Foundation
import Synchronization

/// A headless Chromium started with its DevTools port open, on a throw-away profile. `stop()` ends it (and
/// deletes the profile); call it on every path.
public final class HeadlessChromium: Sendable {
    /// The browser's DevTools WebSocket, e.g. `ws://127.0.0.1:41234/devtools/browser/…`.
    public let devToolsURL: String
    private let process: Process
    private let profile: URL
    private let output: ProcessOutput
    private let stopped = Mutex(false)

    /// The Chromium to use: `$CHROMIUM` if set, else the first of the usual Debian/Ubuntu paths that exists.
    public static func executable() -> URL? {
        var candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        if let chosen = ProcessInfo.processInfo.environment["CHROMIUM"], !chosen.isEmpty {
            candidates.insert(chosen, at: 0)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }

    /// Whether a Chromium is installed (tests that need one are enabled on this).
    public static var isAvailable: Bool { executable() != nil }

    /// Starts Chromium headless with a `width`×`height` window and waits (at most `timeout` seconds) for its
    /// DevTools address. `extraArguments` go on its command line (e.g. `--host-resolver-rules=MAP evil.test
    /// 127.0.0.1`, to serve a page of another site from this machine).
    public init(
        executable: URL? = nil, width: Int = 1280, height: Int = 900, timeout: Double = 30,
        extraArguments: [String] = []
    ) throws {
        guard let binary = executable ?? Self.executable() else { throw BrowserError.chromiumNotFound }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reachy-chromium-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = binary
        process.arguments =
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--user-data-dir=\(profile.path)", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars",
                "--window-size=\(width),\(height)",
            ] + extraArguments + ["about:blank"]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        let output = ProcessOutput(pipe)
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: profile)
            throw BrowserError.chromiumDidNotStart(output: "\(binary.path): \(error)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var found: String?
        while Date() < deadline, found == nil {
            found = Self.devToolsAddress(in: output.string)
            if found == nil {
                if !process.isRunning { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        guard let found else {
            process.end(grace: 5)
            try? FileManager.default.removeItem(at: profile)
            throw BrowserError.chromiumDidNotStart(output: output.string)
        }
        self.devToolsURL = found
        self.process = process
        self.profile = profile
        self.output = output
    }

    /// The `ws://…` address in Chromium's "DevTools listening on ws://…" line.
    static func devToolsAddress(in text: String) -> String? {
        guard let range = text.range(of: "DevTools listening on ") else { return nil }
        let rest = text[range.upperBound...]
        guard let end = rest.firstIndex(where: { $0.isWhitespace }) else { return nil }
        let address = String(rest[..<end])
        return address.hasPrefix("ws://") ? address : nil
    }

    /// What Chromium wrote on standard error so far.
    public var log: String { output.string }

    /// Ends Chromium (SIGTERM, then SIGKILL after 5 s) and deletes its profile. Safe to call more than once.
    public func stop() {
        let already = stopped.withLock { value in
            defer { value = true }
            return value
        }
        guard !already else { return }
        process.end(grace: 5)
        try? FileManager.default.removeItem(at: profile)
    }

    deinit { stop() }
}
