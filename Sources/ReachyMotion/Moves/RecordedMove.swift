import Foundation

/// A recorded move in the official dataset format (`pollen-robotics/reachy-mini-emotions-library`,
/// `…/reachy-mini-dances-library`): JSON
/// `{"description": "...", "time": [t0, t1, ...], "set_target_data": [{"head": 4×4 rows or 16 numbers row-major,
/// "antennas": [right, left], "body_yaw": b (optional, 0)}, ...]}`.
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

    /// Parses the JSON of a recorded move. The numbers must be within ``RecordedMoveFileLimits`` (times from 0 to
    /// one hour, never going back; a head within 1 m; angles within ±2π), else
    /// ``RecordedMoveError/outOfRange(field:value:allowed:)`` names the first one that is not.
    public init(json data: Data) throws(RecordedMoveError) {
        let file: RecordedMoveFile
        do {
            file = try JSONDecoder().decode(RecordedMoveFile.self, from: data)
        } catch {
            throw .malformed(String(describing: error))
        }
        try RecordedMoveFileLimits.checkTimes(file.time)
        var frames: [MoveFrame] = []
        frames.reserveCapacity(file.setTargetData.count)
        for (i, f) in file.setTargetData.enumerated() {
            let head: HeadPose
            do {
                head = try HeadPose(rowMajor: f.head.values)
            } catch {
                throw .invalidFrame(index: i, reason: error.description)
            }
            try RecordedMoveFileLimits.checkFrame(
                index: i, translation: head.translation, antennas: f.antennas, bodyYaw: f.bodyYaw)
            guard let rotation = head.rotation.nearestRotation else {
                throw .invalidFrame(index: i, reason: "the head matrix has no proper rotation (determinant ≤ 0)")
            }
            guard f.antennas.count == 2, f.antennas.allSatisfy(\.isFinite) else {
                throw .invalidFrame(index: i, reason: "antennas must be 2 finite numbers [right, left]")
            }
            let body = f.bodyYaw ?? 0
            guard body.isFinite else { throw .invalidFrame(index: i, reason: "body_yaw is not finite") }
            let frame = MoveFrame(
                head: HeadPose(rotation: rotation, translation: head.translation),
                antennas: Antennas(right: f.antennas[0], left: f.antennas[1]), bodyYaw: body)
            // Absurd numbers (a unit or encoding mistake) are refused like the robot refuses them as targets.
            do {
                try SafetyLimits.checkInput(head: frame.head, antennas: frame.antennas, bodyYaw: frame.bodyYaw)
            } catch {
                throw .invalidFrame(index: i, reason: Self.reason(error))
            }
            frames.append(frame)
        }
        try self.init(description: file.description ?? "", times: file.time, frames: frames)
    }

    /// Why a frame's numbers are refused, for ``RecordedMoveError/invalidFrame(index:reason:)``.
    static func reason(_ error: SafetyError) -> String {
        switch error {
        case .outOfRange(let what, let value, let allowed, let unit):
            return "the \(what) is \(value) \(unit), outside \(allowed.lowerBound)…\(allowed.upperBound) \(unit) "
                + "(meters and radians expected)"
        case .notFinite(let what): return "the \(what) is not a finite number"
        default: return error.description
        }
    }

    /// Loads a recorded move from a JSON file.
    public init(contentsOf url: URL) throws(RecordedMoveError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(json: data)
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

/// Why a recorded move could not be loaded.
public enum RecordedMoveError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The JSON does not have the expected structure.
    case malformed(String)
    /// No frames.
    case empty
    /// `time` and `set_target_data` have different lengths.
    case countMismatch(times: Int, frames: Int)
    /// One frame is invalid.
    case invalidFrame(index: Int, reason: String)
    /// A number of the file is outside what a recording can hold (``RecordedMoveFileLimits``): the field (a path
    /// such as `time[1]` or `set_target_data[3].body_yaw`), its value, and what is allowed.
    case outOfRange(field: String, value: Double, allowed: String)
    /// The timestamps span more than ``RecordedMove/maximumDuration`` seconds (or overflow).
    case tooLong(seconds: Double, maximum: Double)

    public var description: String {
        let format =
            "Expected {\"description\", \"time\": [...], "
            + "\"set_target_data\": [{\"head\", \"antennas\", \"body_yaw\"}]}."
        switch self {
        case .unreadable(let path, let reason):
            return "Cannot read recorded move \(path): \(reason). Check the path."
        case .malformed(let detail):
            return "Not a recorded move: \(detail). \(format)"
        case .empty:
            return "The recorded move has no frames. \(format)"
        case .countMismatch(let t, let f):
            return "The recorded move has \(t) timestamps but \(f) frames; they must match one to one."
        case .invalidFrame(let i, let reason):
            return "Frame \(i) of the recorded move is invalid: \(reason)."
        case .outOfRange(let field, let value, let allowed):
            let shown = value.isNaN ? "NaN" : value.isInfinite ? (value > 0 ? "infinity" : "-infinity") : "\(value)"
            return "The recorded move's \(field) is \(shown); allowed: \(allowed). Fix the file, or record it "
                + "again with `reachy record`."
        case .tooLong(let seconds, let maximum):
            return "The recorded move's timestamps span \(seconds) s; at most \(Int(maximum)) s can be played. "
                + "\"time\" must list seconds from the start of the recording."
        }
    }
}

/// The on-disk JSON layout of a recorded move.
struct RecordedMoveFile: Decodable {
    var description: String?
    var time: [Double]
    var setTargetData: [Frame]

    enum CodingKeys: String, CodingKey {
        case description, time
        case setTargetData = "set_target_data"
    }

    struct Frame: Decodable {
        var head: Head
        var antennas: [Double]
        var bodyYaw: Double?

        enum CodingKeys: String, CodingKey {
            case head, antennas
            case bodyYaw = "body_yaw"
        }
    }

    /// A head matrix either nested (4×4) or flat (16).
    struct Head: Decodable {
        var values: [Double]

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let nested = try? c.decode([[Double]].self) {
                values = nested.flatMap { $0 }
                if nested.count != 4 || nested.contains(where: { $0.count != 4 }) { values = [] }
            } else {
                values = try c.decode([Double].self)
            }
        }
    }
}
