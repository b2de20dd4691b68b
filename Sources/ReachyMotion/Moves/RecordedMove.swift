public import Foundation

/// The `Move` that plays a recording (``RecordingDocument``: the official dataset files, and what `reachy record`
/// and `reachy run --record` write).
///
/// Playback matches the SDK's `RecordedMove`: the frame pair around `t` is found by bisection and interpolated
/// linearly (head pose along the rotation geodesic, ``PoseInterpolation``). Times are absolute: `t` is compared
/// to the recorded timestamps directly. Past the last timestamp the last frame is held (the SDK raises there).
public struct RecordedMove: Move, Equatable {
    /// Human description from the file.
    public var description: String
    /// Recorded timestamps, seconds, non-decreasing.
    public let times: [Double]
    /// Recorded frames (same count as ``times``).
    public let frames: [MoveFrame]
    /// `(last − first)` computed the SDK's way (`count · (last − first)/count`).
    public let duration: Double

    /// The longest move accepted, seconds from the first timestamp to the last: an hour (the longest
    /// `reachy record` writes). A longer span is a unit or encoding mistake, and the robot would never finish it.
    public static let maximumDuration = 3600.0

    /// Creates a move from timestamps and frames.
    /// - Throws: ``RecordedMoveError`` for no frames, mismatched counts, non-finite or decreasing times, or times
    ///   spanning more than ``maximumDuration``.
    public init(description: String, times: [Double], frames: [MoveFrame]) throws(RecordedMoveError) {
        guard !times.isEmpty else { throw .empty }
        guard times.count == frames.count else { throw .countMismatch(times: times.count, frames: frames.count) }
        for (i, t) in times.enumerated() {
            guard t.isFinite else { throw .invalidFrame(index: i, reason: "time is not a finite number") }
            if i > 0, t < times[i - 1] {
                throw .invalidFrame(index: i, reason: "time \(t) is earlier than the previous \(times[i - 1])")
            }
        }
        let last = times[times.count - 1]
        let first = times[0]
        guard last - first <= Self.maximumDuration else {
            throw .tooLong(seconds: last - first, maximum: Self.maximumDuration)
        }
        self.description = description
        self.times = times
        self.frames = frames
        self.duration = Double(times.count) * ((last - first) / Double(times.count))
    }

    /// The move playing a recording: its checked samples (``RecordingDocument/samples()``), times as recorded.
    /// - Throws: ``RecordedMoveError`` naming the first field or frame that is wrong.
    public init(_ document: RecordingDocument) throws(RecordedMoveError) {
        let samples = try document.samples()
        try self.init(description: document.description, times: samples.map(\.time), frames: samples.map(\.frame))
    }

    /// Parses the JSON of a recording (``RecordingDocument/init(json:)``).
    public init(json data: Data) throws(RecordedMoveError) {
        try self.init(RecordingDocument(json: data))
    }

    /// Loads a recording file (``RecordingDocument/init(contentsOf:)``).
    public init(contentsOf url: URL) throws(RecordedMoveError) {
        try self.init(RecordingDocument(contentsOf: url))
    }

    /// The frame at `t` (absolute time, as recorded).
    public func evaluate(_ t: Double) -> MoveFrame {
        let t = t.isNaN ? times[0] : t
        if t >= times[times.count - 1] { return frames[frames.count - 1] }
        // First index whose time is > t (bisect_right).
        var lo = 0
        var hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        let prev = lo > 0 ? lo - 1 : 0
        let next = lo < times.count ? lo : prev
        let t0 = times[prev]
        let t1 = times[next]
        let alpha = t1 == t0 ? 0 : (t - t0) / (t1 - t0)
        let a = frames[prev]
        let b = frames[next]
        return MoveFrame(
            head: PoseInterpolation.interpolate(from: a.head, to: b.head, alpha: alpha),
            antennas: Antennas(
                right: a.antennas.right + alpha * (b.antennas.right - a.antennas.right),
                left: a.antennas.left + alpha * (b.antennas.left - a.antennas.left)),
            bodyYaw: a.bodyYaw + alpha * (b.bodyYaw - a.bodyYaw))
    }
}
