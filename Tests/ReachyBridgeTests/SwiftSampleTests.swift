import Foundation
import ReachyTestSupport
import Testing

/// The README's Swift sample (`examples/swift/WakeAndDance.swift`) is a built executable; it runs on the simulator
/// to the end, so the sample a user copies cannot rot.
@Suite("The Swift sample", .serialized)
struct SwiftSampleTests {
    @Test("WakeAndDance wakes the simulated robot, dances, reports the head height and sleeps (exit 0)")
    func wakeAndDanceRuns() async throws {
        let sample = try ReachyExecutable.url().deletingLastPathComponent().appendingPathComponent("WakeAndDance")
        try #require(FileManager.default.isExecutableFile(atPath: sample.path), "build the WakeAndDance target first")
        let process = try WatchedProcess(sample, [])
        let status = await process.waitForExit(timeout: 120)
        #expect(status == 0, "\(process.stderr)")
        // Its last goto was `.degrees(yaw: -25)` (z = 0) before the dance, which rolls the head at its height: the
        // head reports back at the neutral height.
        let line = try #require(process.stdout.split(separator: "\n").first { $0.hasPrefix("head at z = ") })
        let millimetres = try #require(Double(line.dropFirst("head at z = ".count).prefix { $0 != " " }))
        #expect(abs(millimetres) < 2, "\(line)")
    }
}
