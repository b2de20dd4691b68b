import ReachyMotion

/// Samples a timeline's axis targets at a fixed rate (50 Hz for the simulator, plots and the player). Inside an
/// official dance the exact `DanceMove` of ReachyMotion is used (added to where the axes were when the dance
/// started, mirrored under `mirror`), and inside an emotion its recorded move, both held within the kid limits.
public enum Sampler {
    /// One sample: the time and the value of every axis (in `Axis.allCases` order).
    public struct Sample: Sendable {
        /// Seconds from the start.
        public var time: Double
        /// Values by axis order; head yaw relative to the body.
        public var values: [Double]

        /// The value of one axis.
        public func value(_ axis: Axis) -> Double { values[axis.order] }
        /// Head yaw in the world frame (body yaw + head yaw relative to the body).
        public var absoluteHeadYaw: Double { value(.bodyYaw) + value(.headYaw) }
    }

    /// Samples at `k / rate` seconds for every k from 0 to the end of the timeline.
    public static func sample(_ timeline: Timeline, rate: Int = 50) -> [Sample] {
        var samples = sampleSegments(timeline, rate: rate)
        applyDances(timeline, to: &samples)
        applyEmotions(timeline, to: &samples)
        return samples
    }

    /// Replaces the segments of every emotion by its recorded move, held within the kid limits.
    private static func applyEmotions(_ timeline: Timeline, to samples: inout [Sample]) {
        guard !timeline.emotions.isEmpty else { return }
        var next = 0
        for k in samples.indices {
            let t = samples[k].time
            while next < timeline.emotions.count, timeline.emotions[next].end.doubleValue <= t { next += 1 }
            guard next < timeline.emotions.count else { return }
            let span = timeline.emotions[next]
            let start = span.start.doubleValue
            guard start <= t else { continue }
            for (axis, value) in span.values(at: t - start) {
                let limits = BopLimits.range(of: axis)
                samples[k].values[axis.order] = min(max(value, limits.lowerBound), limits.upperBound)
            }
        }
    }

    /// An official dance ready to be added to the samples.
    private struct ActiveDance {
        var span: DanceSpan
        var move: DanceMove
        var base: [Axis: Double]
        var start: Double
        var end: Double
    }

    /// Replaces the lane summary of every dance by the exact dance motion.
    private static func applyDances(_ timeline: Timeline, to samples: inout [Sample]) {
        let dances: [ActiveDance] = timeline.dances.compactMap { span in
            guard let move = try? DanceMove(span.name, bpm: span.bpm) else { return nil }
            return ActiveDance(
                span: span, move: move, base: span.base, start: span.start.doubleValue, end: span.end.doubleValue)
        }
        guard !dances.isEmpty else { return }
        var first = 0
        for k in samples.indices {
            let t = samples[k].time
            while first < dances.count, dances[first].end <= t { first += 1 }
            var i = first
            while i < dances.count, dances[i].start <= t {
                let dance = dances[i]
                i += 1
                guard t < dance.end else { continue }
                for (axis, offset) in offsets(dance.move.offsets(at: t - dance.start)) {
                    let (target, sign) = dance.span.mirrored ? axis.mirrored : (axis, 1.0)
                    let from = dance.base[target] ?? samples[k].values[target.order]
                    let limits = BopLimits.range(of: target)
                    samples[k].values[target.order] = min(
                        max(from + sign * offset, limits.lowerBound), limits.upperBound)
                }
            }
        }
    }

    /// A dance's offsets in timeline units (degrees, meters).
    static func offsets(_ o: DanceOffsets) -> [(Axis, Double)] {
        let d = 180 / Double.pi
        return [
            (.headX, o.position.x), (.headY, o.position.y), (.headZ, o.position.z), (.headRoll, o.orientation.roll * d),
            (.headPitch, o.orientation.pitch * d), (.headYaw, o.orientation.yaw * d),
            (.antennaRight, o.antennas.right * d), (.antennaLeft, o.antennas.left * d),
        ]
    }

    /// The samples of the segments alone.
    private static func sampleSegments(_ timeline: Timeline, rate: Int) -> [Sample] {
        let axes = Axis.allCases
        var lanes: [[TimelineSegment]] = Array(repeating: [], count: axes.count)
        for segment in timeline.segments {
            if let axis = segment.axis { lanes[axis.order].append(segment) }
        }
        let count = Int((timeline.duration.doubleValue * Double(rate)).rounded(.down))
        var cursors = [Int](repeating: 0, count: axes.count)
        var resting = [Double](repeating: 0, count: axes.count)
        var samples: [Sample] = []
        samples.reserveCapacity(count + 1)
        for k in 0...max(0, count) {
            let t = Double(k) / Double(rate)
            var values = [Double](repeating: 0, count: axes.count)
            for a in 0..<axes.count {
                let lane = lanes[a]
                while cursors[a] < lane.count, lane[cursors[a]].end.doubleValue <= t {
                    resting[a] = lane[cursors[a]].to ?? resting[a]
                    cursors[a] += 1
                }
                if cursors[a] < lane.count, lane[cursors[a]].start.doubleValue <= t {
                    let s = lane[cursors[a]]
                    let from = s.from ?? resting[a]
                    let to = s.to ?? resting[a]
                    let length = s.duration.doubleValue
                    let p = (s.easing ?? .linear).value(at: length > 0 ? (t - s.start.doubleValue) / length : 1)
                    values[a] = from + (to - from) * p
                } else {
                    values[a] = resting[a]
                }
            }
            samples.append(Sample(time: t, values: values))
        }
        return samples
    }
}
