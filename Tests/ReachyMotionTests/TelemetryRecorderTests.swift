import Foundation
import ReachyMotion
import Testing

/// ``TelemetryRecorder`` on the in-process simulator with a virtual clock the test steps: what it records is what
/// the joints did, and playing the recording back makes the joints do it again.
@Suite("TelemetryRecorder on the simulator", .serialized)
struct TelemetryRecorderTests {
    /// A robot on a virtual clock, motors on.
    func connect() async throws -> (ReachyMini, ManualTickSource) {
        let ticks = ManualTickSource(rate: 100)
        var settings = ReachyMiniOptions.test(rate: 100)
        settings.tickSource = ticks
        let options = settings
        let link = SimulatedLink(ticks: ticks)
        let mini = try await ticks.drive { try await ReachyMini.connect(transport: link.transport(), options: options) }
        return (mini, ticks)
    }

    @Test("a recording for some seconds ends by itself, one sample per period from 0")
    func recordsForSomeSeconds() async throws {
        let (mini, ticks) = try await connect()
        defer { mini.close() }
        let recorder = TelemetryRecorder(robot: mini, rate: 20, seconds: 0.5, description: "five tenths")
        ticks.advance(ticks: 80)
        let recording = await recorder.recording()
        #expect(recording.description == "five tenths")
        #expect(recording.rate == 20)
        #expect(recording.time.count == 11)
        #expect(abs(recording.time[0]) < 1e-12)
        for (a, b) in zip(recording.time, recording.time.dropFirst()) { #expect(abs(b - a - 0.05) < 1e-6) }
        #expect(recording.joints?.count == 11)
        #expect(recording.frames.count == 11)
        #expect(try recording.samples().count == 11)
    }

    @Test("recorded moves play back: the joints follow the recording")
    func recordThenPlayBack() async throws {
        let (mini, ticks) = try await connect()
        defer { mini.close() }
        let recorder = TelemetryRecorder(robot: mini, rate: 50)
        try await ticks.drive {
            try await mini.goto(
                head: .degrees(z: 0.01, roll: 10, pitch: -8, yaw: 15), antennas: Antennas(right: -0.5, left: 0.7),
                bodyYaw: 0.3, duration: 0.6)
            try await mini.goto(
                head: .degrees(pitch: 6, yaw: -20), antennas: Antennas(right: 0.6, left: -0.4), bodyYaw: -0.3,
                duration: 0.6)
        }
        ticks.advance(ticks: 20)
        let recorded = await recorder.stop()
        let end = try #require(mini.joints)
        // Every tick up to stop() was read: the last sample is where the robot is now.
        let last = try #require(recorded.joints?.last)
        for (a, b) in zip(last, end.motorOrder) { #expect(abs(a - b) < 1e-9) }
        #expect(recorded.time.count >= 70, "about 1.4 s at 50 Hz, got \(recorded.time.count) samples")
        let recordedJoints = try #require(recorded.joints)
        let travel = (0..<9).map { k in
            recordedJoints.map { $0[k] }.max()! - recordedJoints.map { $0[k] }.min()!
        }
        #expect(travel[0] > 0.4 && travel[7] > 0.8 && travel[8] > 0.8, "the robot moved: \(travel)")

        // Back to rest, then play the recording (through JSON, as a file would be) while recording again.
        try await ticks.drive { try await mini.goto(head: .identity, antennas: .zero, bodyYaw: 0, duration: 0.5) }
        let move = try RecordedMove(RecordingDocument(json: recorded.jsonData()))
        let replay = TelemetryRecorder(robot: mini, rate: 50)
        let initialGoto = 0.3
        try await ticks.drive { try await mini.play(move, initialGotoDuration: initialGoto) }
        ticks.advance(ticks: 20)
        let played = await replay.stop()
        let playedJoints = try #require(played.joints)

        // The playback lags the recording by the initial goto and the servos' response: find that lag, then every
        // joint of every recorded sample must be matched within the servos' tracking error.
        func error(lag: Int) -> Double {
            var worst = 0.0
            for (i, joints) in recordedJoints.enumerated() {
                let j = min(i + lag, playedJoints.count - 1)
                for (a, b) in zip(joints, playedJoints[j]) { worst = max(worst, abs(a - b)) }
            }
            return worst
        }
        let nominal = Int(initialGoto * 50)
        let lags = nominal...(nominal + 10)
        let best = lags.map { (lag: $0, error: error(lag: $0)) }.min { $0.error < $1.error }!
        #expect(best.error < 0.06, "playback lag \(best.lag) samples, worst joint error \(best.error) rad")
        // A playback of something else would not match: the recording at another lag is far off.
        #expect(error(lag: nominal + 30) > 0.2)
    }

    @Test("stop() with no tick since the start returns at once with what there is")
    func stopWithoutTicks() async throws {
        let (mini, _) = try await connect()
        defer { mini.close() }
        let recording = await TelemetryRecorder(robot: mini, rate: 50).stop()
        #expect(recording.time.count <= 1)
    }
}
