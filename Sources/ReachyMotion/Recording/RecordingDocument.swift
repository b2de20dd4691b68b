public import Foundation

/// THE recording file: what `reachy record` and `reachy run --record` write (through ``TelemetryRecorder``), what
/// `reachy play` reads (``RecordedMove/init(_:)``) and what the replay page draws.
///
/// It is the official dataset format (`pollen-robotics/reachy-mini-emotions-library`, `…-dances-library`), so
/// those files load as they are, plus two optional fields written here:
///
/// ```json
/// {"description": "...", "rate": 50, "time": [0, 0.02, ...],
///  "set_target_data": [{"head": 4×4 rows (or 16 numbers row-major), "antennas": [right, left], "body_yaw": b}, ...],
///  "joints": [[body, s1, ..., s6, right, left], ...]}
/// ```
///
/// Seconds, metres and radians. `description`, `rate`, `body_yaw` and `joints` may be missing. Decoding keeps the
/// numbers as written; ``samples()`` checks them against ``RecordedMoveFileLimits`` (the loading initialisers do).
public struct RecordingDocument: Codable, Sendable, Equatable {
    /// Human description.
    public var description: String
    /// Samples per second the recording was made at (`nil` in the dataset files).
    public var rate: Double?
    /// Timestamps, seconds, never going back.
    public var time: [Double]
    /// The target of each timestamp (`set_target_data`).
    public var frames: [RecordingFrame]
    /// The nine present joints of each timestamp (`nil` in the dataset files).
    public var joints: [[Double]]?

    /// Creates a document from its fields, unchecked.
    public init(
        description: String, rate: Double?, time: [Double], frames: [RecordingFrame], joints: [[Double]]? = nil
    ) {
        self.description = description
        self.rate = rate
        self.time = time
        self.frames = frames
        self.joints = joints
    }

    /// Appends a sample of the robot: its head pose, and its present joints (which also give the frame's antennas
    /// and body yaw). Start from `joints: []` to record them.
    public mutating func append(time t: Double, head: HeadPose, joints: JointVector) {
        time.append(t)
        frames.append(RecordingFrame(head: head.rowMajor, antennas: joints.antennas.values, bodyYaw: joints.head.body))
        self.joints?.append(joints.motorOrder)
    }

    /// Whether there is no sample.
    public var isEmpty: Bool { time.isEmpty }

    enum CodingKeys: String, CodingKey {
        case description, rate, time, joints
        case frames = "set_target_data"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        rate = try c.decodeIfPresent(Double.self, forKey: .rate)
        time = try c.decode([Double].self, forKey: .time)
        frames = try c.decode([RecordingFrame].self, forKey: .frames)
        joints = try c.decodeIfPresent([[Double]].self, forKey: .joints)
    }

    /// Reads and checks a recording's JSON (``samples()`` must succeed).
    /// - Throws: ``RecordedMoveError``: ``RecordedMoveError/malformed(_:)`` for JSON of another shape, else what
    ///   ``samples()`` throws.
    public init(json data: Data) throws(RecordedMoveError) {
        do {
            self = try JSONDecoder().decode(Self.self, from: data)
        } catch {
            throw .malformed(String(describing: error))
        }
        _ = try samples()
    }

    /// Reads and checks a recording file of at most ``RecordedMoveFileLimits/maximumBytes``.
    /// - Throws: ``RecordedMoveError/unreadable(path:reason:)``, ``RecordedMoveError/tooLarge(path:bytes:maximum:)``,
    ///   or what ``init(json:)`` throws.
    public init(contentsOf url: URL) throws(RecordedMoveError) {
        let data: Data
        do {
            let size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
            guard size <= RecordedMoveFileLimits.maximumBytes else {
                throw RecordedMoveError.tooLarge(
                    path: url.path, bytes: size, maximum: RecordedMoveFileLimits.maximumBytes)
            }
            data = try Data(contentsOf: url)
        } catch let error as RecordedMoveError {
            throw error
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(json: data)
    }

    /// The JSON of the document (sorted keys, one line, ending with a newline).
    public func jsonData() throws(RecordedMoveError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self) + Data("\n".utf8)
        } catch {
            throw .malformed("it cannot be written as JSON: \(error)")
        }
    }
}
