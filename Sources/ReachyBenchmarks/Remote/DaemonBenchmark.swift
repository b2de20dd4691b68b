import Dynamixel
import Foundation
import ReachyMotion
public import ReachyRemote

/// Latency and rate of the daemon backend, measured on a live daemon (not a test: the numbers depend on the
/// machine and the network). Moves the antennas only, by ±0.1 rad around where they are.
public enum DaemonBenchmark {
    /// Connects to `endpoint`, listens for `streamSeconds`, then measures `roundTrips` goal round trips.
    /// Torque must be on (the daemon applies targets in any mode, but a real robot only moves with torque on).
    public static func run(
        _ endpoint: DaemonEndpoint, streamSeconds: Double = 2, roundTrips: Int = 100
    ) async throws(DaemonError) -> [BenchmarkResult] {
        let io = try await DaemonMotorIO.connect(endpoint)
        defer { io.close() }
        // Stream rate and gaps.
        let gaps = FrameGaps()
        let start = io.statistics.frames
        let began = DaemonMotorIO.now()
        while Double(DaemonMotorIO.now() &- began) / 1e9 < streamSeconds {
            io.onNextFrame { _ in gaps.mark() }
            try? await Task.sleep(for: .milliseconds(2))
        }
        let elapsed = Double(DaemonMotorIO.now() &- began) / 1e9
        let rate = Double(io.statistics.frames &- start) / elapsed

        // Round trips: antennas ±0.1 rad around the present, alternating.
        guard let present = try? io.readPositions().map({ $0 ?? 0 }) else {
            throw .linkLost(url: endpoint.base, seconds: io.staleTimeout, reason: nil)
        }
        var samples: [Double] = []
        var lost = 0
        for index in 0..<max(1, roundTrips) {
            var goal = present
            let offset = index % 2 == 0 ? 0.1 : -0.1
            goal[7] = present[7] + offset
            goal[8] = present[8] - offset
            let sent = DaemonMotorIO.now()
            try? io.writeGoals(goal)
            var seen = false
            while Double(DaemonMotorIO.now() &- sent) / 1e9 < 1 {
                if let now = try? io.readPositions(), let r = now[7], let l = now[8],
                    abs(r - goal[7]) < 1e-6, abs(l - goal[8]) < 1e-6
                {
                    seen = true
                    break
                }
                try? await Task.sleep(for: .microseconds(200))
            }
            if seen { samples.append(Double(DaemonMotorIO.now() &- sent) / 1e6) } else { lost += 1 }
        }
        try? io.writeGoals(present)
        samples.sort()
        func percentile(_ p: Double) -> Double {
            guard !samples.isEmpty else { return 0 }
            return samples[min(samples.count - 1, Int((Double(samples.count - 1) * p).rounded()))]
        }
        return [
            BenchmarkResult(
                name: "daemon stream",
                figures: [.init("", rate, "frames/s"), .init("largest gap", gaps.largest / 1e6, "ms")]),
            BenchmarkResult(
                name: "goal → seen in joint_positions",
                figures: [
                    .init("p50", percentile(0.5), "ms"), .init("p99", percentile(0.99), "ms"),
                    .init("max", samples.last ?? 0, "ms"),
                ],
                note: "\(samples.count + lost) round trips" + (lost > 0 ? ", \(lost) never seen" : "")),
        ]
    }

    /// Largest interval between frames, nanoseconds.
    final class FrameGaps: @unchecked Sendable {
        private let lock = NSLock()
        private var last: UInt64?
        private(set) var largestValue: UInt64 = 0
        func mark() {
            let now = DaemonMotorIO.now()
            lock.lock()
            if let last { largestValue = max(largestValue, now &- last) }
            last = now
            lock.unlock()
        }
        var largest: Double {
            lock.lock()
            defer { lock.unlock() }
            return Double(largestValue)
        }
    }
}
