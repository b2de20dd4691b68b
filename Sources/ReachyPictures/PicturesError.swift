/// What can go wrong making a picture; each message says what to do.
public enum PicturesError: Error, Equatable, CustomStringConvertible {
    /// A recording file could not be read as a recording.
    case badRecording(reason: String)
    /// Packed replay samples are malformed.
    case badReplayData(reason: String)
    /// A recording without any sample.
    case emptyRecording

    public var description: String {
        switch self {
        case .badRecording(let reason):
            return "This recording cannot be replayed: \(reason). Use a file written by `reachy record --out x.json`."
        case .badReplayData(let reason):
            return "The replay data is damaged: \(reason). Render the page again."
        case .emptyRecording:
            return "The recording has no samples, so there is nothing to replay. Record for longer."
        }
    }
}
