import Foundation

/// What happened while a recital was performed on the robot: the segments in the order they were played, the
/// speech and gesture events as they happened, and (when asked) the goals the control loop wrote. This is the
/// document `reachy news recite --record FILE` writes (JSON, keys sorted).
public struct RecitalPerformance: Sendable, Codable, Equatable {
    /// One event, timed from the start of the performance.
    public struct Event: Sendable, Codable, Equatable {
        /// Seconds since the first segment started.
        public var time: Double
        /// `segment` (a segment starts), `sentence` (a sentence starts), `gesture` (a keyframe starts), `skip`,
        /// `pause` or `resume`.
        public var kind: String
        /// Segment id, sentence mark, or gesture name.
        public var name: String
        /// Where in the recital audio it was planned (seconds), when it comes from the plan.
        public var planned: Double?
    }

    /// One segment as played.
    public struct Segment: Sendable, Codable, Equatable {
        /// "intro", "i1", … "outro".
        public var id: String
        /// intro, item or outro.
        public var kind: String
        /// Item number (1-based), for items.
        public var number: Int?
        /// Headline, for items.
        public var headline: String?
        /// Start and end in the recital audio (seconds).
        public var audioStart: Double
        /// End in the recital audio (seconds).
        public var audioEnd: Double
        /// Cut short by a skip.
        public var skipped: Bool
    }

    /// One control-loop tick during the performance.
    public struct MotionSample: Sendable, Codable, Equatable {
        /// Seconds since the first segment started.
        public var time: Double
        /// The goal written this tick, radians, `[body, s1…s6, right antenna, left antenna]` (nil = none).
        public var goal: [Double]?
        /// Present head roll, pitch, yaw (°) from forward kinematics (nil when unknown).
        public var head: [Double]?
        /// Present antennas `[right, left]` (°).
        public var antennas: [Double]?
    }

    /// Format version (1).
    public var formatVersion: Int = 1
    /// Segments in the order they were played.
    public var segments: [Segment] = []
    /// Events in time order.
    public var events: [Event] = []
    /// Control-loop ticks, when recorded.
    public var motion: [MotionSample] = []
    /// Where the audio went (a file path or an ALSA device).
    public var audio: String = ""

    /// An empty performance.
    public init() {}
}
