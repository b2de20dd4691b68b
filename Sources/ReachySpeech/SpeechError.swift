/// Errors from speech synthesis and audio files.
public enum SpeechError: Error, Equatable, CustomStringConvertible {
    /// espeak-ng could not be initialised (data directory missing or unreadable).
    case engineUnavailable(dataPath: String?)
    /// espeak-ng rejected the voice.
    case voiceUnavailable(String)
    /// espeak-ng reported an error code while synthesizing.
    case synthesisFailed(code: Int32)
    /// A WAV file could not be read.
    case invalidWAV(String)
    /// A file could not be written.
    case writeFailed(path: String, reason: String)
    /// The synthesis was stopped through a ``SpeechCancellation`` before it finished.
    case cancelled

    public var description: String {
        switch self {
        case .engineUnavailable(let path):
            return "espeak-ng could not start (data directory: \(path ?? "default")). "
                + "Install it with `apt-get install espeak-ng libespeak-ng-dev`, or set ESPEAK_DATA_PATH to a "
                + "directory holding espeak-ng-data from the same release as the library."
        case .voiceUnavailable(let name):
            return "espeak-ng has no voice named '\(name)'. List voices with `espeak-ng --voices` and install "
                + "the espeak-ng-data package that provides it."
        case .synthesisFailed(let code):
            return "espeak-ng failed to synthesize (error code \(code)). Check the text for unsupported markup "
                + "and that the espeak-ng library and data come from the same release."
        case .invalidWAV(let reason):
            return "Not a readable PCM WAV file: \(reason). Write it again with `WAVFile` or convert it with "
                + "`sox in.wav -b 16 out.wav`."
        case .writeFailed(let path, let reason):
            return "Could not write \(path): \(reason). Check that the directory exists and is writable."
        case .cancelled:
            return "Speech synthesis was stopped before it finished (cancelled); nothing to do unless that was not "
                + "asked for."
        }
    }
}
