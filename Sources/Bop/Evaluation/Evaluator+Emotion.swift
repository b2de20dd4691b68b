import ReachyMotion

/// `play emotion NAME`: a recorded move of the emotions library on the timeline.
extension Evaluator {
    /// Samples per second read from a recorded move to find how far it goes on each axis (for the kid limits).
    static let emotionScanRate = 50.0

    /// The emotion as recorded: its own length (to the millisecond), every axis from where it was to the move's last
    /// frame, held within the kid limits (a warning on the line when the recording goes beyond them).
    func emotion(_ written: String, statement: Statement, _ state: inout State) throws(Flow) {
        guard let loaded = emotions[written] else { return }
        try reserve(Axis.allCases.count, for: statement)
        let move = loaded.move
        let duration = Rational(max(1, Int64((move.duration * 1000).rounded())), 1000)
        let span = EmotionSpan(
            name: loaded.name, start: state.clock, duration: duration, mirrored: state.mirror, line: statement.line,
            move: move, sound: loaded.sound)
        // How far the recording goes on each axis, to warn once per axis it takes beyond the kid limits.
        var excess: [Axis: Double] = [:]
        let count = max(1, Int((move.duration * Self.emotionScanRate).rounded(.up)))
        for i in 0...count {
            let t: Double = move.duration * Double(i) / Double(count)
            for (axis, value) in span.values(at: t) {
                let limits = BopLimits.range(of: axis)
                let known: Double = excess[axis] ?? 0
                if !limits.contains(value), abs(value) > abs(known) { excess[axis] = value }
            }
        }
        for axis in Axis.allCases {
            guard let wanted = excess[axis] else { continue }
            let limits = BopLimits.range(of: axis)
            warnClamped(
                axis, wanted: wanted, limit: min(max(wanted, limits.lowerBound), limits.upperBound), at: statement.range
            )
        }
        var last: [Axis: Double] = [:]
        for (axis, value) in span.values(at: move.duration) { last[axis] = value }
        for axis in Axis.allCases {
            let limits = BopLimits.range(of: axis)
            let to = min(max(last[axis] ?? 0, limits.lowerBound), limits.upperBound)
            segments.append(
                TimelineSegment(
                    start: state.clock, duration: duration, track: axis.track, axis: axis, from: state[axis], to: to,
                    easing: .linear, line: statement.line, text: "emotion \(loaded.name)"))
            state[axis] = to
            state.touch(axis)
        }
        emotionSpans.append(span)
        state.clock = state.clock + duration
        latest = max(latest, state.clock)
    }
}
