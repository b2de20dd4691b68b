import Bop
import Foundation
public import ReachyMotion
import ReachyPictures
import ReachyTestSupport

/// Benchmarks of the pictures (run them from a release build: `reachy bench pictures`): the HTML replay of a
/// 10-minute 50 Hz recording (with and without 10 minutes of 16 kHz sound), the timeline SVG of Bop's
/// 10-minute dance, and one pose SVG.
public enum PicturesBenchmarks {
    /// A 10-minute recording at 50 Hz (30,000 samples) of a smooth dance, joints from the kinematics.
    public static func tenMinuteRecording() -> RecordingDocument {
        let kin = ReachyKinematics.reachyMini
        var recording = RecordingDocument(description: "benchmark", rate: 50, time: [], frames: [], joints: [])
        for i in 0..<30_000 {
            let t = Double(i) / 50
            let head = HeadPose(
                x: 0.008 * sin(t), y: 0.008 * cos(1.3 * t), z: 0.005 * sin(2 * t), roll: 0.2 * sin(1.7 * t),
                pitch: 0.15 * cos(t), yaw: 0.4 * sin(0.7 * t))
            let joints = kin.stewartAngles(head: head, bodyYaw: 0.3 * sin(0.2 * t))
            recording.append(
                time: t, head: head,
                joints: JointVector(head: joints, antennas: Antennas(right: 0.5 * sin(3 * t), left: -0.5 * sin(3 * t))))
        }
        return recording
    }

    /// Runs every benchmark `runs` times.
    public static func run(runs: Int = 5) -> [BenchmarkResult] {
        let n = max(1, runs)
        let recording = tenMinuteRecording()
        let sound = TestWAV.tone(seconds: 600)
        var results: [BenchmarkResult] = []
        results.append(
            measure("HTML replay, 10-minute recording (30,000 samples at 50 Hz)", runs: n) {
                (try? ReplayPage().html(recording))?.utf8.count ?? 0
            })
        results.append(
            measure("HTML replay, 10-minute recording + 10 minutes of 16 kHz WAV", runs: n) {
                (try? ReplayPage().html(recording, wav: sound))?.utf8.count ?? 0
            })
        if let timeline = BopCompiler.compile(BopBenchmarks.tenMinuteDance()).timeline {
            results.append(
                measure("timeline SVG, Bop's 10-minute dance (\(timeline.segments.count) segments)", runs: n) {
                    TimelineSVG().document(timeline).utf8.count
                })
        }
        let frame = RobotFrame(
            head: .degrees(z: 0.01, roll: 10, pitch: -10, yaw: 20),
            joints: ReachyKinematics.reachyMini.stewartAngles(
                head: .degrees(z: 0.01, roll: 10, pitch: -10, yaw: 20), bodyYaw: 0.2),
            antennas: .rest)
        results.append(
            measure("pose SVG, 100 pictures", runs: n) {
                var bytes = 0
                for _ in 0..<100 { bytes = RobotSVG().document(frame).utf8.count }
                return bytes
            })
        return results
    }

    static func measure(_ name: String, runs: Int, _ body: () -> Int) -> BenchmarkResult {
        var times: [Double] = []
        var bytes = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            bytes = body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        return BenchmarkResult(
            name: name, figures: [.init("median", times[times.count / 2], "ms"), .init("best", times[0], "ms")],
            note: String(format: "output %d bytes, %.2f MB", bytes, Double(bytes) / 1_000_000))
    }
}
