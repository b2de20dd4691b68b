import Synchronization

/// Moves: goto, streaming targets, playing moves, cancelling, and the wake-up / sleep behaviours.
extension ReachyMini {
    /// Moves to a target in `duration` seconds with `method` (head pose interpolated in task space, yaw as a
    /// scalar; antennas and body yaw linearly) and returns when the target is reached. A nil part keeps its current
    /// value; `bodyYaw` defaults to 0 like the SDK (re-centres the body). Cancelling the task stops the move where
    /// it is (the motors hold).
    /// The target is checked before anything moves, like ``setTarget(head:antennas:bodyYaw:)`` does.
    /// - Throws: ``ReachyMiniError`` (`.invalidTarget` for NaN, infinite or absurd numbers, `.unsafeTarget` for a
    ///   matrix that is not a rotation or an unreachable pose, `.motorsDisabled`, `.invalidMove`, `.interrupted`,
    ///   `.fault`, `.closed`), or `CancellationError`.
    public func goto(
        head: HeadPose? = nil, antennas: Antennas? = nil, bodyYaw: Double? = 0, duration: Double = 0.5,
        method: InterpolationMethod = .minjerk
    ) async throws {
        try checkMovable()
        _ = try checkedTarget(head: head, antennas: antennas, bodyYaw: bodyYaw)
        try await moveTo(head: head, antennas: antennas, bodyYaw: bodyYaw, duration: duration, method: method)
    }

    /// The goto move itself. Its frames go through the safety layer; a frame it refuses keeps the previous goals.
    func moveTo(
        head: HeadPose?, antennas: Antennas?, bodyYaw: Double?, duration: Double, method: InterpolationMethod
    ) async throws {
        let move: GotoMove
        do {
            move = try GotoMove(
                from: currentFrame(), head: head, antennas: antennas, bodyYaw: bodyYaw, duration: duration,
                method: method)
        } catch {
            throw ReachyMiniError.invalidMove(error.description)
        }
        try await run(move)
    }

    /// Sets a target right away (for streaming clients at up to the loop rate): it goes through the safety layer
    /// now, and the loop moves there at most at the joint speed cap. A nil part keeps the current target.
    /// - Throws: ``ReachyMiniError/invalidTarget(_:)`` for NaN, infinite or absurd numbers,
    ///   ``ReachyMiniError/unsafeTarget(_:)`` when the safety layer refuses it, `.motorsDisabled`, `.closed`.
    public func setTarget(head: HeadPose? = nil, antennas: Antennas? = nil, bodyYaw: Double? = nil) throws {
        try checkMovable()
        let (frame, goals) = try checkedTarget(head: head, antennas: antennas, bodyYaw: bodyYaw)
        if !goals.clamps.isEmpty { emit(.clamped(goals.clamps)) }
        state.withLock { $0.targetFrame = frame }
        loop.follow(HoldTrajectory(goals.value.motorOrder))
    }

    /// Checks a target the way ``goto(head:antennas:bodyYaw:duration:method:)`` and
    /// ``setTarget(head:antennas:bodyYaw:)`` do, without moving (a nil part keeps the current target). Services
    /// call it to refuse a goto before they start it.
    /// - Throws: ``ReachyMiniError/invalidTarget(_:)`` for NaN, infinite or absurd numbers,
    ///   ``ReachyMiniError/unsafeTarget(_:)`` for a matrix that is not a rotation or an unreachable pose.
    public func checkTarget(head: HeadPose? = nil, antennas: Antennas? = nil, bodyYaw: Double? = nil)
        throws(ReachyMiniError)
    {
        _ = try checkedTarget(head: head, antennas: antennas, bodyYaw: bodyYaw)
    }

    /// The motor goals the safety layer gives a target (a nil part keeps the current target), without moving:
    /// what ``setTarget(head:antennas:bodyYaw:)`` would send.
    /// - Throws: as ``checkTarget(head:antennas:bodyYaw:)``.
    public func safeGoals(head: HeadPose? = nil, antennas: Antennas? = nil, bodyYaw: Double? = nil)
        throws(ReachyMiniError) -> JointVector
    {
        try checkedTarget(head: head, antennas: antennas, bodyYaw: bodyYaw).goals.value
    }

    /// The full target frame (nil parts from the current target) and its safe goals.
    func checkedTarget(head: HeadPose?, antennas: Antennas?, bodyYaw: Double?) throws(ReachyMiniError)
        -> (frame: MoveFrame, goals: Clamped<JointVector>)
    {
        do {
            try SafetyLimits.checkInput(head: head, antennas: antennas, bodyYaw: bodyYaw)
        } catch {
            throw .invalidTarget(error)
        }
        let current = currentFrame()
        let frame = MoveFrame(
            head: head ?? current.head, antennas: antennas ?? current.antennas, bodyYaw: bodyYaw ?? current.bodyYaw)
        do {
            return (frame, try safe.motorGoals(head: frame.head, antennas: frame.antennas, bodyYaw: frame.bodyYaw))
        } catch {
            throw .unsafeTarget(error.description)
        }
    }

    /// Plays a move (a dance, a recorded move, any ``Move``) from t = 0 to its duration, after a goto of
    /// `initialGotoDuration` seconds to its first frame (0 = start right away; the speed cap still applies).
    /// Returns when it ends; cancelling the task stops it.
    public func play(_ move: any Move, initialGotoDuration: Double = 0.5) async throws {
        try checkMovable()
        guard move.duration.isFinite, move.duration >= 0 else {
            throw ReachyMiniError.invalidMove("The move's duration \(move.duration) is not a finite number of seconds.")
        }
        if initialGotoDuration > 0 {
            // Absurd numbers are refused; a first frame the safety layer cannot reach is held like any frame.
            let first = move.evaluate(0)
            do {
                try SafetyLimits.checkInput(head: first.head, antennas: first.antennas, bodyYaw: first.bodyYaw)
            } catch {
                throw ReachyMiniError.invalidTarget(error)
            }
            try await moveTo(
                head: first.head, antennas: first.antennas, bodyYaw: first.bodyYaw, duration: initialGotoDuration,
                method: .minjerk)
        }
        try await run(move)
    }

    /// Stops the running move; the motors hold their last goal.
    public func cancel() {
        loop.cancel()
        state.withLock { $0.targetFrame = nil }
    }

    /// Wakes up like the daemon (§4.6): torque on, then to the initial pose (antennas ±10°) in a time growing
    /// with the distance, then a small roll of 20° and back. Does nothing more than torque on when already there.
    public func wakeUp() async throws {
        if motorMode != .enabled { try await enableMotors() }
        let current = currentFrame()
        let distance = Self.magicDistance(current.head, ReferencePoses.initHead)
        let antennaGap = max(
            abs(current.antennas.right - ReferencePoses.initAntennas.right),
            abs(current.antennas.left - ReferencePoses.initAntennas.left))
        if distance < 1, antennaGap < 0.02, abs(current.bodyYaw) < 0.02 { return }
        try await goto(
            head: ReferencePoses.initHead, antennas: ReferencePoses.initAntennas, bodyYaw: 0,
            duration: max(0.5, distance * 20 / 1000))
        try await goto(head: .degrees(roll: 20), duration: 0.2)
        try await goto(head: ReferencePoses.initHead, duration: 0.2)
    }

    /// Goes to sleep like the daemon (§4.6): via the initial pose when far from it, to the sleep pose with the
    /// antennas folded (±3.05 rad) in 2 s, waits `settle` seconds, then switches torque off.
    public func gotoSleep(settle: Double = 2) async throws {
        if motorMode != .enabled { try await enableMotors() }
        let current = currentFrame()
        if Self.magicDistance(current.head, ReferencePoses.sleepHead) > 10 {
            if Self.magicDistance(current.head, ReferencePoses.initHead) > 30 {
                try await goto(head: ReferencePoses.initHead, antennas: ReferencePoses.initAntennas, duration: 1)
            }
        }
        try await goto(head: ReferencePoses.sleepHead, antennas: ReferencePoses.sleepAntennas, bodyYaw: 0, duration: 2)
        if settle > 0 { try await clock.sleep(for: .milliseconds(Int(settle * 1000))) }
        try await disableMotors()
    }

    /// The daemon's "magic distance" between two poses: translation in millimetres plus rotation angle in degrees.
    public static func magicDistance(_ a: HeadPose, _ b: HeadPose) -> Double {
        let translation = (a.translation - b.translation).length * 1000
        let relative = a.rotation.transposed * b.rotation
        let trace = relative.r0.x + relative.r1.y + relative.r2.z
        let angle = acos(min(1, max(-1, (trace - 1) / 2)))
        return translation + angle * 180 / .pi
    }

    // MARK: - Internals

    func checkMovable() throws {
        if isClosed { throw ReachyMiniError.closed }
        if let fault = loop.fault { throw ReachyMiniError.fault(fault) }
        if motorMode != .enabled { throw ReachyMiniError.motorsDisabled }
    }

    /// Where a new move starts: the last target when it is known, else the present pose (forward kinematics).
    func currentFrame() -> MoveFrame {
        if let frame = state.withLock({ $0.targetFrame }) { return frame }
        let latest = self.latest
        let joints = latest?.joints
        return MoveFrame(
            head: latest?.headPose ?? ReferencePoses.initHead, antennas: joints?.antennas ?? .zero,
            bodyYaw: joints?.head.body ?? 0)
    }

    /// Follows `move` through the safety layer and waits until it has ended and the goals have caught up with it.
    func run(_ move: any Move) async throws {
        let start =
            goals.state.withLock { $0.last } ?? latest?.joints?.motorOrder
            ?? JointVector(
                head: HeadJoints(body: 0, s1: 0, s2: 0, s3: 0, s4: 0, s5: 0, s6: 0), antennas: .zero
            ).motorOrder
        let trajectory = MoveTrajectory(move: move, safe: safe, start: start) { [weak self] event in
            self?.emit(event)
        }
        state.withLock { $0.targetFrame = nil }
        let generation = loop.follow(trajectory)
        let loop = self.loop
        let clock = self.clock
        try await withTaskCancellationHandler {
            var caughtUpSince: Double?
            while true {
                if isClosed { throw ReachyMiniError.closed }
                // A cancelled task says so, even when its cancellation handler already stopped the move (which would
                // otherwise look like another command interrupting it).
                try Task.checkCancellation()
                if let fault = loop.fault { throw ReachyMiniError.fault(fault) }
                if loop.generation != generation { throw ReachyMiniError.interrupted }
                if loop.isFinished(generation), !goals.state.withLock({ $0.lagging }) {
                    // One more tick so that the final goal has been written.
                    let now = loop.time
                    if let since = caughtUpSince, now - since >= 1 / options.rate { break }
                    if caughtUpSince == nil { caughtUpSince = now }
                }
                try await clock.sleep(for: .milliseconds(5))
            }
            // The next goto starts from here; a frame with absurd numbers (a recorded file) is not remembered.
            let end = move.evaluate(move.duration)
            let usable =
                (try? SafetyLimits.checkInput(head: end.head, antennas: end.antennas, bodyYaw: end.bodyYaw)) != nil
            state.withLock { $0.targetFrame = usable ? end : nil }
        } onCancel: {
            if loop.generation == generation { loop.cancel() }
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
