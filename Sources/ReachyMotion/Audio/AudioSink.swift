/// Where the robot's voice goes: the robot's speaker (ALSA, in `ReachyBridge`), a WAV file (the simulator, in
/// `ReachySpeech`), or — later — the official daemon's media API. Motion code knows only this protocol.
///
/// Samples are 16-bit signed mono PCM at `sampleRate`. `play` blocks until the samples are handed to the device
/// (for a file: written), so call it from a dedicated thread or queue, never from a Swift concurrency Task.
public protocol AudioSink: AnyObject, Sendable {
    /// Samples per second the sink expects.
    var sampleRate: Int { get }
    /// A name for messages ("Reachy Mini Audio", "speech.wav").
    var name: String { get }
    /// Plays (or records) the samples; returns when they have been accepted.
    func play(_ samples: [Int16]) throws(AudioSinkError)
    /// Stops what is playing as soon as possible (from any thread).
    func stop()
    /// Finishes: drains the device or completes the file. Later calls to `play` throw.
    func close() throws(AudioSinkError)
}

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
