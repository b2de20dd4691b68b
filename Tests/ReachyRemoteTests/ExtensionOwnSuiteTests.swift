import Foundation
import ReachyTestSupport
import Testing

/// Issue 17: the community TurboWarp extension's own integration suite (`tests/integration/*.test.ts` of
/// `pierre-rouanet/reachy_mini_turbowarp`, unmodified), run by our vitest-compatible harness on Node against
/// `reachy serve --sim` and against the official daemon (`--mockup-sim`): the same tests pass on both.
///
/// Needs the extension's source (`REACHY_TURBOWARP_SOURCE`, a checkout) and Node ≥ 22.7 (`REACHY_NODE`); `make
/// extension-suite TURBOWARP=…` provides both. Without the official daemon (`REACHY_DAEMON_PYTHON`) the failures
/// must be the four the official daemon has too (the extension's own bugs).
@Suite(.serialized) struct ExtensionOwnSuiteTests {
    static let source: URL? = ProcessInfo.processInfo.environment["REACHY_TURBOWARP_SOURCE"].map {
        URL(fileURLWithPath: $0)
    }
    static let node = OutsideSuite.node(minimumMajor: 22)
    static var ready: Bool {
        guard let source, node != nil else { return false }
        return FileManager.default.fileExists(atPath: source.appendingPathComponent("tests/integration").path)
    }

    /// The four tests the official daemon fails too: a body-yaw sign the extension gets wrong (twice) and its
    /// preset motions' `"ease"` interpolation, which the daemon refuses (422).
    static let officialFailures: Set<String> = [
        "API Client Integration Tests > Body Control > should move body yaw",
        "Extension Integration Tests > Body Control > should move body yaw",
        "Extension Integration Tests > Preset Motions > head nod preset tilts pitch downward before returning",
        "Extension Integration Tests > Preset Motions > head shake preset rotates yaw to the left before returning",
    ]

    static func files() throws -> [URL] {
        let directory = try #require(source).appendingPathComponent("tests/integration")
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".test.ts") }.sorted { $0.path < $1.path }
    }

    @Test(.enabled(if: ready, "set REACHY_TURBOWARP_SOURCE and REACHY_NODE (make extension-suite)"))
    func theExtensionsSuitePassesWhereItPassesOnTheOfficialDaemon() async throws {
        let node = try #require(Self.node)
        let files = try Self.files()
        #expect(files.count >= 2)
        let server = try ServeProcess(executable: try ReachyExecutable.url())
        let ours: OutsideSuite.Report
        do {
            ours = try await OutsideSuite.run(node: node, files: files, base: "http://127.0.0.1:\(server.port)")
        } catch {
            server.stop()
            throw error
        }
        server.stop()
        #expect(ours.outcomes.count >= 30, "\(ours.outcomes.keys.sorted())")
        for name in ours.failed.sorted() {
            print("reachy serve --sim: FAIL \(name): \(ours.outcomes[name]?.error ?? "")")
        }
        print("reachy serve --sim: \(ours.passed.count) of \(ours.outcomes.count) passed")

        if DaemonProcess.python != nil {
            let daemon = try DaemonProcess()
            defer { daemon.stop() }
            let official = try await OutsideSuite.run(node: node, files: files, base: daemon.base)
            print("reachy-mini-daemon --mockup-sim: \(official.passed.count) of \(official.outcomes.count) passed")
            #expect(Set(ours.outcomes.keys) == Set(official.outcomes.keys))
            #expect(ours.passed == official.passed, "only ours: \(ours.failed.subtracting(official.failed))")
        } else {
            #expect(
                ours.failed.isSubset(of: Self.officialFailures), "\(ours.failed.subtracting(Self.officialFailures))")
        }
    }
}
