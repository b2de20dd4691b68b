import Testing

@testable import ReachyBridge

/// The README's Swift example, kept compiling and working: it runs here on the simulator.
@Suite("README example", .serialized)
struct ReadmeSnippetTests {
    @Test func readmeExampleRunsOnTheSimulator() async throws {
        let mini = try await ReachyMini.connect(.simulator(VirtualReachyMini(clock: MonotonicClock())))
        defer { mini.close() }
        try await mini.wakeUp()
        try await mini.goto(head: .degrees(z: 0.01, roll: 10), duration: 1)
        let afterGoto = try #require(mini.headPose)
        #expect(abs(afterGoto.translation.z - 0.01) < 0.002)
        try await mini.play(try TimedMove(DanceMove("simple_nod", bpm: 120), duration: 1))
        try await mini.gotoSleep()
        #expect(mini.motorMode == .disabled)
    }
}
