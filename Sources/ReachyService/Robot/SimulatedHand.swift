public import ReachyMotion

/// How the built-in simulator moves while its motors are off, the way the official simulators do (their joints
/// follow a goto whatever the motor mode): the service turns the simulated joints "by hand" along the move, so
/// clients written against `reachy-mini-daemon --sim` (the TurboWarp extension's own tests) see the same thing.
/// A real robot has none: nothing moves and the notice says why. `reachy serve --sim --sim-real-torque` leaves it
/// out to see what a real robot would do.
public struct SimulatedHand: Sendable {
    /// Puts the simulated joints at these positions (radians, motor order), like turning the horns by hand.
    public let place: @Sendable (JointVector) -> Void

    /// A hand that calls `place`.
    public init(place: @escaping @Sendable (JointVector) -> Void) { self.place = place }

    /// Moves from `start` to `goal` in `duration` seconds along `method`, 50 steps a second (cancellable).
    func move(from start: JointVector, to goal: JointVector, duration: Double, method: InterpolationMethod)
        async throws
    {
        let steps = max(1, Int((duration * 50).rounded(.up)))
        let a = start.motorOrder
        let b = goal.motorOrder
        for k in 1...steps {
            try await Task.sleep(for: .seconds(duration / Double(steps)))
            let alpha = method.value(at: Double(k) / Double(steps))
            let values = zip(a, b).map { $0 + ($1 - $0) * alpha }
            if let joints = try? JointVector(motorOrder: values) { place(joints) }
        }
        place(goal)
    }

    /// Plays `move` by hand, 50 frames a second for `duration` seconds, each frame through `goals` (the robot's
    /// safety layer; a frame it refuses keeps the previous one).
    func play(
        _ move: RecordedMove, duration: Double, goals: @escaping @Sendable (MoveFrame) -> JointVector?
    ) async throws {
        let steps = max(1, Int((duration * 50).rounded(.up)))
        for k in 1...steps {
            try await Task.sleep(for: .seconds(duration / Double(steps)))
            if let joints = goals(move.evaluate(duration * Double(k) / Double(steps))) { place(joints) }
        }
    }
}
