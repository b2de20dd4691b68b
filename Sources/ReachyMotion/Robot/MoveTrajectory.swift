import Synchronization

/// A task-space ``Move`` as a joint trajectory: every tick the frame at `t` goes through ``SafeKinematics``
/// (pose clamps, body-yaw coupling, IK, joint ranges). A frame the safety layer refuses (unreachable, NaN) keeps
/// the previous goals, like the official daemon. Clamps are reported once per joint and per move.
final class MoveTrajectory: JointTrajectory, @unchecked Sendable {
    let move: any Move
    let safe: SafeKinematics
    private let state: Mutex<State>
    private let report: @Sendable (RobotEvent) -> Void

    private struct State {
        var last: [Double]
        var reported: Set<String> = []
        var refusals = 0
        var lastFrame: MoveFrame?
    }

    init(move: any Move, safe: SafeKinematics, start: [Double], report: @escaping @Sendable (RobotEvent) -> Void) {
        self.move = move
        self.safe = safe
        self.state = Mutex(State(last: start))
        self.report = report
    }

    var duration: Double { move.duration }

    /// The last frame evaluated (the target when the move has finished).
    var lastFrame: MoveFrame? { state.withLock { $0.lastFrame } }

    func joints(at t: Double) -> [Double] {
        let frame = move.evaluate(t)
        do {
            let goals = try safe.motorGoals(head: frame.head, antennas: frame.antennas, bodyYaw: frame.bodyYaw)
            let fresh = state.withLock { state -> [ClampEntry] in
                state.last = goals.value.motorOrder
                state.lastFrame = frame
                let fresh = goals.clamps.filter { !state.reported.contains($0.joint) }
                for entry in fresh { state.reported.insert(entry.joint) }
                return fresh
            }
            if !fresh.isEmpty { report(.clamped(fresh)) }
            return goals.value.motorOrder
        } catch {
            let (last, first) = state.withLock { state -> ([Double], Bool) in
                state.refusals += 1
                return (state.last, state.refusals == 1)
            }
            if first { report(.targetRefused(error.description)) }
            return last
        }
    }
}

/// A joint-space move from `start` to `target` (used to hold or to reach a joint target smoothly).
struct JointGotoTrajectory: JointTrajectory {
    var start: [Double]
    var target: [Double]
    var duration: Double
    var method: InterpolationMethod

    func joints(at t: Double) -> [Double] {
        let s = duration > 0 ? method.value(at: t / duration) : 1
        return zip(start, target).map { $0 + ($1 - $0) * s }
    }
}
