import Foundation
import ReachyMotion

/// Benchmarks of the motion math; run them from a release build (`reachy bench motion`). Times are thread CPU
/// time, so a busy machine inflates them less than wall-clock time would.
public enum MotionBenchmarks {
    /// Measures IK per pose (closed form with automatic body yaw), FK per call (warm-started, as in a 50 Hz loop
    /// following a smooth trajectory), FK from a cold start, the full safe path per target, and the control loop's
    /// last stage per tick (speed cap alone, and the cap that keeps the pose limits, moving and holding).
    public static func run(operations: Int = 20_000, runs: Int = 5) -> [BenchmarkResult] {
        let n = max(1, operations)
        // A smooth trajectory (a dance) sampled at 50 Hz, so warm starts see realistic tick-to-tick changes.
        let poses: [HeadPose] = (0..<256).map { i in
            let t = Double(i) / 50
            return HeadPose(
                x: 0.01 * sin(t), y: 0.01 * cos(1.3 * t), z: 0.005 * sin(2 * t), roll: 0.2 * sin(1.7 * t),
                pitch: 0.15 * cos(t), yaw: 0.5 * sin(0.7 * t))
        }
        let kin = ReachyKinematics.reachyMini
        let zero = HeadJoints(body: 0, s1: 0, s2: 0, s3: 0, s4: 0, s5: 0, s6: 0)
        let joints = poses.map { (try? kin.inverse($0)) ?? zero }
        let safe = SafeKinematics()

        var results: [BenchmarkResult] = []
        results.append(
            measure("ik (closed form + automatic body yaw) per pose", n, runs) { i, sink in
                if let j = try? kin.inverse(poses[i & 255]) { sink += j.s1 }
            })
        var fk = ForwardKinematics()
        results.append(
            measure("fk warm-started per call (50 Hz trajectory)", n, runs) { i, sink in
                if let p = try? fk.pose(for: joints[i & 255]) { sink += p.translation.z }
            })
        results.append(
            measure("fk cold start (neutral seed) per call", max(1, n / 10), runs) { i, sink in
                fk.reset()
                if let p = try? fk.pose(for: joints[i & 255]) { sink += p.translation.z }
            })
        results.append(
            measure("safe path (limits + ik + motor clamp) per target", n, runs) { i, sink in
                if let g = try? safe.motorGoals(head: poses[i & 255], antennas: .rest) { sink += g.value.head.s2 }
            })
        // The control loop's last stage, one call per 100 Hz tick following the trajectory: the speed cap alone
        // (before issue 13) and the cap that also keeps the pose limits of the written goal (forward kinematics).
        let goals = poses.map {
            (try? safe.motorGoals(head: $0, antennas: .rest).value)
                ?? JointVector(head: zero, antennas: .rest)
        }
        var capped = goals[0]
        results.append(
            measure("speed cap alone (limitSpeed) per tick", n, runs) { i, sink in
                if let g = try? safe.limits.limitSpeed(from: capped, to: goals[i & 255], dt: 0.01) {
                    capped = g.value
                    sink += g.value.head.s3
                }
            })
        var stageFK = ForwardKinematics()
        var written = goals[0]
        results.append(
            measure("loop limit stage (limitStep: cap + pose limits) per moving tick", n, runs) { i, sink in
                if let g = try? safe.limitStep(from: written, to: goals[i & 255], dt: 0.01, fk: &stageFK) {
                    written = g.value
                    sink += g.value.head.s3
                }
            })
        results.append(
            measure("loop limit stage per holding tick", n, runs) { i, sink in
                if let g = try? safe.limitStep(from: goals[i & 255], to: goals[i & 255], dt: 0.01, fk: &stageFK) {
                    sink += g.value.head.s3
                }
            })
        return results
    }

    private static func measure(
        _ name: String, _ n: Int, _ runs: Int, _ body: (Int, inout Double) -> Void
    ) -> BenchmarkResult {
        var sink = 0.0
        for i in 0..<min(n, 1000) { body(i, &sink) }  // warm-up
        var perOp: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = ThreadCPUClock.nanoseconds()
            for i in 0..<n { body(i, &sink) }
            let elapsed = ThreadCPUClock.nanoseconds() - start
            perOp.append(Double(elapsed) / Double(n))
        }
        perOp.sort()
        if sink == .infinity { print("") }  // keep the work observable
        return BenchmarkResult(
            name: name, figures: [.init("median", perOp[perOp.count / 2], "ns/op"), .init("best", perOp[0], "ns/op")],
            note: "\(n) ops per run")
    }
}
