import Foundation
import ReachyTestSupport
import Testing

/// An outside test suite (TypeScript or JavaScript written for vitest) run unmodified by our harness
/// (`OutsideSuites/run-suite.mjs` and its vitest-compatible shim) on Node, against a server: one outcome per test.
struct OutsideSuite {
    /// A test's outcome: `pass`, `fail` or `skip`, and why it failed.
    struct Outcome: Equatable {
        var status: String
        var error: String?
    }

    /// What a run gave: outcomes by the test's full name (`describe > … > test`), and the unhandled rejections.
    struct Report {
        var outcomes: [String: Outcome]
        var unhandled: [String]
        var passed: Set<String> { Set(outcomes.filter { $0.value.status == "pass" }.keys) }
        var failed: Set<String> { Set(outcomes.filter { $0.value.status == "fail" }.keys) }
    }

    /// The harness directory.
    static var harness: URL {
        RepositoryPaths.root.appendingPathComponent("Tests/ReachyRemoteTests/OutsideSuites")
    }

    /// A Node binary: `REACHY_NODE`, else `node` on the PATH (`minimumMajor`: the oldest version that will do).
    static func node(minimumMajor: Int) -> URL? {
        let environment = ProcessInfo.processInfo.environment
        var candidates = [environment["REACHY_NODE"]].compactMap { $0 }
        for directory in (environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            candidates.append("\(directory)/node")
        }
        for path in candidates where FileManager.default.isExecutableFile(atPath: path) {
            guard let version = try? output(URL(fileURLWithPath: path), ["--version"]),
                let major = Int(version.dropFirst().prefix { $0.isNumber }), major >= minimumMajor
            else { continue }
            return URL(fileURLWithPath: path)
        }
        return nil
    }

    /// Runs `files` against the server at `base` (the suite's `http://localhost:8000` goes there); `typescript`
    /// needs Node 22.7 or later (its `--experimental-transform-types`).
    static func run(node: URL, files: [URL], base: String, typescript: Bool = true, timeout: Double = 600)
        async throws -> Report
    {
        let flags = ["--no-warnings"] + (typescript ? ["--experimental-transform-types"] : [])
        let process = try WatchedProcess(
            node, flags + [harness.appendingPathComponent("run-suite.mjs").path, base] + files.map(\.path))
        let status = await process.waitForExit(timeout: timeout)
        var outcomes: [String: Outcome] = [:]
        var unhandled: [String]?
        for line in process.stdout.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                continue
            }
            if object["summary"] as? Bool == true {
                unhandled = object["unhandled"] as? [String] ?? []
            } else if let name = object["name"] as? String, let result = object["status"] as? String {
                outcomes[name] = Outcome(status: result, error: object["error"] as? String)
            }
        }
        guard let unhandled, status == 0 else {
            Issue.record("the suite did not finish (status \(status)); stderr:\n\(process.stderr.suffix(3000))")
            throw CancellationError()
        }
        return Report(outcomes: outcomes, unhandled: unhandled)
    }

    /// What `executable arguments` prints (blocking; for `--version`).
    static func output(_ executable: URL, _ arguments: [String]) throws -> String {
        let process = try WatchedProcess(executable, arguments)
        _ = process.finish(timeout: 10)
        return process.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
