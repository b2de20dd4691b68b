/// What fetching one source did; `logLine` is the line the CLI and the daily routine print.
public enum DigestFetchOutcome: Sendable, Equatable {
    /// New digests were stored (file names in the directory).
    case stored(source: String, files: [String])
    /// The server said nothing changed (HTTP 304), or the same content was already stored.
    case unchanged(source: String, reason: String)
    /// Nothing could be fetched.
    case failed(source: String, error: DigestFetchError)

    /// One line for the log.
    public var logLine: String {
        switch self {
        case .stored(let source, let files):
            "fetched \(source): stored \(files.count) new digest(s): \(files.joined(separator: ", "))"
        case .unchanged(let source, let reason): "fetched \(source): nothing new (\(reason))"
        case .failed(_, let error): "fetch failed: \(error.description)"
        }
    }

    /// Whether the source failed.
    public var isFailure: Bool { if case .failed = self { true } else { false } }
}
