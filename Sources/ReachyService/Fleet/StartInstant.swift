import ReachyFleet
import ReachyMotion

/// Waiting for a wall-clock instant on the robot's clock: the synchronised start of a fleet `run`. It sleeps until a
/// few milliseconds before, then blocks for the rest on an absolute deadline (`clock_nanosleep`), so the wake-up is
/// not left to the task scheduler.
enum StartInstant {
    /// How long before the instant the precise wait takes over.
    static let margin: Duration = .milliseconds(4)

    /// Returns at `wallTime` (seconds since 1970), or at once when it has passed.
    static func wait(until wallTime: Double, on clock: RobotClock) async throws {
        let delay = wallTime - WallClock.now()
        guard delay > 0, !clock.isVirtual else { return }
        let deadline = clock.now.advanced(by: .nanoseconds(Int64(delay * 1e9)))
        if delay > 0.01 { try await clock.sleep(until: deadline.advanced(by: .zero - margin)) }
        try Task.checkCancellation()
        clock.wait(until: deadline)
    }
}
