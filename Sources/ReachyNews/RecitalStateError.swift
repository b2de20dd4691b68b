import Foundation

/// Errors of the state file.
public enum RecitalStateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but is not a state file.
    case corrupt(path: String, reason: String)
    /// The file could not be written.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .corrupt(let path, let reason):
            return "The news state file \(path) is unreadable (\(reason)). It was left untouched; move it aside to "
                + "start afresh (every digest in the directory will then count as unread)."
        case .writeFailed(let path, let reason):
            return
                "Could not save the news state to \(path): \(reason). Check that its directory exists and is writable."
        }
    }
}
