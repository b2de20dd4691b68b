/// Why a recording (``RecordingDocument``) or the move playing it (``RecordedMove``) could not be loaded.
public enum RecordedMoveError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file is larger than ``RecordedMoveFileLimits/maximumBytes``.
    case tooLarge(path: String, bytes: Int, maximum: Int)
    /// The JSON does not have the expected structure.
    case malformed(String)
    /// No frames.
    case empty
    /// More samples than ``RecordedMoveFileLimits/maximumSamples``.
    case tooManySamples(count: Int, maximum: Int)
    /// `time` and `set_target_data` have different lengths.
    case countMismatch(times: Int, frames: Int)
    /// `time` and `joints` have different lengths.
    case jointCountMismatch(times: Int, joints: Int)
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
        case .tooLarge(let path, let bytes, let maximum):
            return "The recorded move \(path) is \(bytes) bytes; at most \(maximum) bytes (an hour of recording) "
                + "can be loaded. Record a shorter move, or cut the file."
        case .malformed(let detail):
            return "Not a recorded move: \(detail). \(format)"
        case .empty:
            return "The recorded move has no frames. \(format)"
        case .tooManySamples(let count, let maximum):
            return "The recorded move has \(count) samples; at most \(maximum) (an hour at 200 Hz) can be loaded. "
                + "Record a shorter move, or at a lower --sample-rate."
        case .countMismatch(let t, let f):
            return "The recorded move has \(t) timestamps but \(f) frames; they must match one to one."
        case .jointCountMismatch(let t, let j):
            return "The recorded move has \(t) timestamps but \(j) joint vectors; they must match one to one "
                + "(or leave \"joints\" out)."
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
