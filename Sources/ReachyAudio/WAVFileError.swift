/// Why a WAV file could not be read or written, with what to do.
public enum WAVFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not a 16-bit PCM RIFF/WAVE file (or the file could not be read); the reason says which part.
    case invalid(String)
    /// The file could not be written.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalid(let reason):
            "Not a readable PCM WAV file: \(reason). Write it again with `WAVFile` or convert it with "
                + "`sox in.wav -b 16 out.wav`."
        case .writeFailed(let path, let reason):
            "Could not write \(path): \(reason). Check that the directory exists and is writable."
        }
    }
}
