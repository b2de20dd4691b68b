import Synchronization

/// Records a robot's telemetry (``ReachyMini/telemetry(buffering:)``) into a ``RecordingDocument``: present head
/// pose, antennas and body yaw as `set_target_data`, and the nine present joints, `rate` times per second.
///
/// Recording starts when the recorder is created (it subscribes at once, so no tick after that is missed) and ends
/// after `seconds` of telemetry, when the robot closes, or at ``stop()``. Used by `reachy record` (for some
/// seconds) and `reachy run --record` (while a program plays).
public final class TelemetryRecorder: Sendable {
    /// Samples per second.
    public let rate: Double
    private let robot: ReachyMini
    private let task: Task<RecordingDocument, Never>
    private let line: StopLine

    /// Where the reader has got to and where ``stop()`` asked it to stop (robot times, seconds).
    final class StopLine: Sendable {
        let state = Mutex<(read: Double?, stopAt: Double?)>((nil, nil))
    }

    /// Starts recording `robot` now.
    /// - Parameters:
    ///   - rate: Samples per second (more than 0; at most the loop rate is useful).
    ///   - seconds: How long to record; at most ``RecordedMoveFileLimits/maximumDuration`` (the default).
    ///   - description: The document's description.
    public init(
        robot: ReachyMini, rate: Double, seconds: Double = RecordedMoveFileLimits.maximumDuration,
        description: String = "Recorded by reachy record"
    ) {
        precondition(rate.isFinite && rate > 0, "TelemetryRecorder needs a positive sample rate")
        self.rate = rate
        self.robot = robot
        let line = StopLine()
        self.line = line
        // Enough buffering that a virtual clock ticking faster than this task reads loses nothing.
        let ticks = robot.telemetry(buffering: 4096)
        let seconds = min(seconds, RecordedMoveFileLimits.maximumDuration)
        task = Task {
            var sampler = TelemetrySampler(rate: rate, seconds: seconds, description: description)
            for await tick in ticks {
                let going = sampler.add(tick)
                let stopped = line.state.withLock { state in
                    state.read = tick.time
                    return state.stopAt.map { tick.time >= $0 } ?? false
                }
                if !going || stopped { break }
            }
            return sampler.document
        }
        subscribedAt = robot.latest?.time
    }

    /// The robot's latest tick when the recorder subscribed: later ticks are all read.
    private let subscribedAt: Double?

    /// Waits until the recording ends by itself (after `seconds`, or when the robot closes) and returns it.
    public func recording() async -> RecordingDocument { await task.value }

    /// Stops after the robot's latest tick (every tick up to it is read first) and returns the recording.
    public func stop() async -> RecordingDocument {
        let target = robot.latest?.time
        let subscribedAt = self.subscribedAt
        let now = line.state.withLock { state -> Bool in
            guard let target, target > subscribedAt ?? -.infinity else { return true }
            state.stopAt = target
            return (state.read ?? -.infinity) >= target
        }
        if now { task.cancel() }
        return await task.value
    }

    deinit { task.cancel() }
}
