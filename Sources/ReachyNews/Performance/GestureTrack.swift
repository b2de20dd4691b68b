import Foundation
public import ReachyMotion

/// The news anchor's motion as a function of time: the plan's gesture keyframes chained one after the other (each
/// starts from wherever the previous one had brought the head at its start time and eases to its pose), plus the
/// audio-driven sway added on top, clamped to `GestureLimits`. Times are seconds from the start of the audio.
///
/// Sign conventions are those of ReachyMotion (docs/motion.md) and of `gestures.json`: roll > 0 tilts to the
/// robot's right, pitch > 0 = nose down, yaw > 0 = turn left (toward the audience), antennas in the SDK order
/// `[right, left]` with 0 upright and `right < 0, left > 0` folding both back (the sleep pose is ±3.05 rad).
public struct GestureTrack: Sendable {
    /// One pose of the track, degrees.
    public struct Pose: Sendable, Equatable {
        /// Head roll, pitch and yaw (°).
        public var roll, pitch, yaw: Double
        /// Antennas (°).
        public var right, left: Double

        /// Upright, looking ahead.
        public static let neutral = Pose(roll: 0, pitch: 0, yaw: 0, right: 0, left: 0)

        /// A pose.
        public init(roll: Double, pitch: Double, yaw: Double, right: Double, left: Double) {
            self.roll = roll
            self.pitch = pitch
            self.yaw = yaw
            self.right = right
            self.left = left
        }

        func blended(to other: Pose, _ a: Double) -> Pose {
            Pose(
                roll: roll + (other.roll - roll) * a, pitch: pitch + (other.pitch - pitch) * a,
                yaw: yaw + (other.yaw - yaw) * a, right: right + (other.right - right) * a,
                left: left + (other.left - left) * a)
        }

        /// The pose with every angle inside `GestureLimits` (head ±15°, antennas ±60°; NaN → 0).
        public var clamped: Pose {
            Pose(
                roll: GestureLimits.clamp(roll, GestureLimits.head),
                pitch: GestureLimits.clamp(pitch, GestureLimits.head),
                yaw: GestureLimits.clamp(yaw, GestureLimits.head),
                right: GestureLimits.clamp(right, GestureLimits.antenna),
                left: GestureLimits.clamp(left, GestureLimits.antenna))
        }

        /// The ReachyMotion frame for this pose: `HeadPose.degrees(roll:pitch:yaw:)`, `Antennas` in radians, body 0.
        public var frame: MoveFrame {
            MoveFrame(
                head: .degrees(roll: roll, pitch: pitch, yaw: yaw),
                antennas: Antennas(right: radians(right), left: radians(left)), bodyYaw: 0)
        }
    }

    struct Span: Sendable {
        var start: Double
        var from: Pose
        var to: Pose
        var duration: Double
        var method: InterpolationMethod
    }

    private let spans: [Span]
    private let sway: [SwayFrame]

    /// A track from timed keyframes (keyframes without a time are ignored) and sway frames (50 ms apart).
    public init(keyframes: [GestureKeyframe], sway: [SwayFrame] = []) {
        let timed = keyframes.enumerated().compactMap { index, k in k.time.map { (index, $0, k) } }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        var spans: [Span] = []
        for (_, time, k) in timed where time.isFinite {
            let from = Self.value(spans, at: time)
            let hold = Set(k.hold ?? [])
            // A held axis keeps the target it is heading for (a sway still easing out keeps going there).
            let target = Self.target(spans, at: time) ?? from
            let to = Pose(
                roll: hold.contains("roll") ? target.roll : k.headRoll,
                pitch: hold.contains("pitch") ? target.pitch : k.headPitch,
                yaw: hold.contains("yaw") ? target.yaw : k.headYaw,
                right: hold.contains("right") ? target.right : k.antennaRight,
                left: hold.contains("left") ? target.left : k.antennaLeft)
            spans.append(
                Span(
                    start: time, from: from, to: to.clamped,
                    duration: max(GestureLimits.duration.lowerBound, k.duration),
                    method: k.easing))
        }
        self.spans = spans
        self.sway = sway.filter { $0.time.isFinite }.sorted { $0.time < $1.time }
    }

    /// A track for a timed plan and its sway.
    public init(plan: RecitalPlan, sway: [SwayFrame] = []) {
        self.init(keyframes: plan.gestures, sway: sway)
    }

    /// The gesture pose (without sway) at `t`.
    public func gesture(at t: Double) -> Pose { Self.value(spans, at: t) }

    /// The sway offset at `t` (linear between frames, zero outside them).
    public func swayOffset(at t: Double) -> (roll: Double, pitch: Double, yaw: Double) {
        guard let first = sway.first, let last = sway.last, t >= first.time, t <= last.time else { return (0, 0, 0) }
        var lo = 0
        var hi = sway.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if sway[mid].time <= t { lo = mid } else { hi = mid }
        }
        let a = sway[lo]
        let b = sway[hi]
        let s = b.time > a.time ? (t - a.time) / (b.time - a.time) : 0
        func mix(_ x: Double, _ y: Double) -> Double { x + (y - x) * min(1, max(0, s)) }
        return (mix(a.roll, b.roll), mix(a.pitch, b.pitch), mix(a.yaw, b.yaw))
    }

    /// Gesture + sway at `t`, clamped to `GestureLimits`.
    public func pose(at t: Double) -> Pose {
        var p = gesture(at: t)
        let s = swayOffset(at: t)
        p.roll += s.roll
        p.pitch += s.pitch
        p.yaw += s.yaw
        return p.clamped
    }

    /// Where the head was heading at `t`: the target of the last span started by then.
    private static func target(_ spans: [Span], at t: Double) -> Pose? {
        spans.last { $0.start <= t }?.to
    }

    private static func value(_ spans: [Span], at t: Double) -> Pose {
        var lo = 0
        var hi = spans.count
        while lo < hi {  // first span starting after t
            let mid = (lo + hi) / 2
            if spans[mid].start <= t { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return .neutral }
        let span = spans[lo - 1]
        let a = span.method.value(at: (t - span.start) / span.duration)
        return span.from.blended(to: span.to, a)
    }
}
