/// Errors from speech synthesis (WAV files have their own, `WAVFileError`, in ReachyAudio).
public enum SpeechError: Error, Equatable, CustomStringConvertible {
    /// espeak-ng could not be initialised (data directory missing or unreadable).
    case engineUnavailable(dataPath: String?)
    /// espeak-ng rejected the voice.
    case voiceUnavailable(String)
    /// espeak-ng reported an error code while synthesizing.
    case synthesisFailed(code: Int32)
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
        case .cancelled:
            return "Speech synthesis was stopped before it finished (cancelled); nothing to do unless that was not "
                + "asked for."
        }
    }
}
