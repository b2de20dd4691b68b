/// Samples a timeline's axis targets at a fixed rate (50 Hz for the simulator and plots).
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
                    let p = (s.easing ?? .linear).progress(length > 0 ? (t - s.start.doubleValue) / length : 1)
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
