public import Foundation
public import ReachyAudio

/// Where a run's voice and sounds go — the one speaker policy of every front end (``ResolvedRobot/audio(wav:device:temporaryName:)``
/// chooses it): a WAV file, the robot's speaker on this computer, or the speaker of a robot behind its daemon.
public enum AudioDestination: Sendable, Equatable {
    /// A WAV file (the simulator's voice, or `--wav`).
    case wavFile(URL)
    /// An ALSA device on this computer: the "Reachy Mini Audio" card when `device` is nil.
    case speaker(device: String?)
    /// The daemon's speaker (its media API).
    case daemon(DaemonEndpoint)

    /// Whether playback must be paced on the robot's clock: a file accepts samples at any speed, devices pace
    /// themselves.
    public var isPaced: Bool {
        if case .wavFile = self { true } else { false }
    }

    /// The file written, if any.
    public var file: URL? {
        if case .wavFile(let url) = self { url } else { nil }
    }

    /// Opens the sink. A robot's speaker that cannot be opened falls back, when `fallBackToFile`, to a WAV file in
    /// the temporary directory, and `notice` says so and where (sound is never dropped in silence); otherwise the
    /// error says what failed, for the caller to report (the service puts it in its answer's `warnings`).
    public func open(
        sampleRate: Int = 16_000, fallBackToFile: Bool = true,
        notice: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data("Notice: \($0)\n".utf8)) }
    ) throws(AudioSinkError) -> any AudioSink {
        switch self {
        case .wavFile(let url):
            return WAVFileSink(url: url, sampleRate: sampleRate)
        case .daemon(let endpoint):
            return DaemonAudioSink(endpoint: endpoint, notice: notice)
        case .speaker(let device):
            do {
                if let device { return try SpeakerSink.device(device, sampleRate: sampleRate) }
                return try SpeakerSink.reachyMini(sampleRate: sampleRate)
            } catch {
                guard fallBackToFile else { throw error }
                let url = Self.temporaryFile(nil)
                notice("\(error) Writing the sound to \(url.path) instead.")
                return WAVFileSink(url: url, sampleRate: sampleRate)
            }
        }
    }

    /// A file in the temporary directory: `name`, or a new unique `reachy-PID-N.wav`.
    static func temporaryFile(_ name: String?) -> URL {
        let name =
            name ?? "reachy-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).wav"
        return FileManager.default.temporaryDirectory.appendingPathComponent(name)
    }
}
