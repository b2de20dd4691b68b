import Foundation
import ReachyTestSupport

/// Files of the repository the tests compare the served site against, found from this file's path.
enum RepositoryFiles {
    /// The package root (two folders above `Tests/ReachyPlaygroundTests`).
    static let root = RepositoryPaths.root

    /// `Sources/ReachyPlayground/Site`, where the page's files live.
    static let site = root.appendingPathComponent("Sources/ReachyPlayground/Site")

    /// Bop's language files.
    static let languages = root.appendingPathComponent("Sources/Bop/Languages")

    /// The examples folder BopTests and the docs use.
    static let examples = root.appendingPathComponent("examples/bop")

    /// Where the browser test puts its screenshots.
    static let artifacts = root.appendingPathComponent(".build/test-artifacts/playground")

    /// The text of a file under the root.
    static func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The `reachy` executable built next to the test bundle, else `.build/debug/reachy` above this file.
    static func reachyExecutable() -> URL? {
        for base in [Bundle.main.executableURL?.deletingLastPathComponent(), Bundle.main.bundleURL] {
            if let candidate = base?.appendingPathComponent("reachy"),
                FileManager.default.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
        }
        let candidate = root.appendingPathComponent(".build/debug/reachy")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }
}
