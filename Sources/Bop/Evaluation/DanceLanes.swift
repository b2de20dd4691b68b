import ReachyMotion

/// The lane summary of each official dance, for the text timeline and the `together` check: one oscillating lane
/// per axis the dance moves. It is derived from the exact `DanceMove` (sampled over one round), so it can never
/// disagree with the motion; what is sampled and played is still the `DanceMove` itself.
enum DanceLanes {
    /// One oscillating axis of a dance.
    struct Component: Sendable {
        var axis: Axis
        /// The offset the axis swings to first (degrees or meters): the extreme on the side of its first large swing.
        var first: Double
        /// The other extreme it swings to (near 0 for an axis that dips one way only).
        var second: Double
        /// Full cycles per beat (a whole number of cycles per round).
        var cyclesPerBeat: Rational
    }

    /// Samples per beat used to read the motion (the fastest official dance swings twice a beat).
    static let samplesPerBeat = 96

    /// The lanes of `move`: one per axis it moves by more than 1° or 1 mm, in axis order, with its two extremes
    /// (the one it leaves its starting value towards first, then the other) and the whole cycles per round, counted as crossings of the
    /// axis's mid-line with a hysteresis of an eighth of its swing (so a twitch on the way is not a cycle).
    static func lanes(of move: DanceMove) -> [Component] {
        let beats = max(1, Int64(move.info.beats.rounded()))
        let count = Int(beats) * samplesPerBeat
        var series: [[Double]] = Array(repeating: [], count: Axis.allCases.count)
        for i in 0..<count {
            for (axis, value) in Sampler.offsets(move.offsets(at: move.duration * Double(i) / Double(count))) {
                series[axis.order].append(value)
            }
        }
        return Axis.allCases.compactMap { axis in
            lane(axis, series[axis.order], beats: beats)
        }
    }

    private static func lane(_ axis: Axis, _ values: [Double], beats: Int64) -> Component? {
        guard let low = values.min(), let high = values.max() else { return nil }
        let peak = max(abs(low), abs(high))
        guard peak > (axis.isPosition ? 0.001 : 1.0) else { return nil }
        let mid = (low + high) / 2
        let band = (high - low) / 8
        var side = 0
        var crossings = 0
        for value in values {
            let now = value > mid + band ? 1 : (value < mid - band ? -1 : side)
            if side != 0, now != side { crossings += 1 }
            side = now
        }
        // The side of the first departure from where the round starts by more than a quarter of the swing.
        let start = values[0]
        let firstSide = values.first { abs($0 - start) > (high - low) / 4 }.map { $0 < start ? -1 : 1 } ?? 1
        let cycles = max(1, Int64((Double(crossings) / 2).rounded()))
        let (first, second) = firstSide < 0 ? (low, high) : (high, low)
        return Component(axis: axis, first: first, second: second, cyclesPerBeat: Rational(cycles, beats))
    }
}
