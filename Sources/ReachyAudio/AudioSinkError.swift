/// Why sound could not be played, with what to do.
public enum AudioSinkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The device or file could not be opened or written.
    case unavailable(sink: String, reason: String)
    /// The sink was closed.
    case closed(sink: String)

    public var description: String {
        switch self {
        case .unavailable(let sink, let reason):
            "Cannot play sound on \(sink): \(reason). Check `reachy doctor` (sound card), or write to a file with --wav."
        case .closed(let sink):
            "\(sink) is closed."
        }
    }
}
