/// Where the robot's voice goes: the robot's speaker (`SpeakerSink`, ALSA, in `ReachyBridge`), a WAV file
/// (``WAVFileSink``, the simulator's speaker), or the official daemon's media API (`DaemonAudioSink`, in
/// `ReachyRemote`). Performers know only this protocol and play to it through ``AudioPlayback``.
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
