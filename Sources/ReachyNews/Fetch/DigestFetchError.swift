/// Why fetching a digest failed; each message says what to do.
public enum DigestFetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The source as written is not something we fetch.
    case badSource(String, reason: String)
    /// The server answered with an error status.
    case http(url: String, status: Int)
    /// No answer (after the retries).
    case network(url: String, reason: String, attempts: Int)
    /// The answer was larger than the limit.
    case tooLarge(url: String, limit: Int)
    /// A feed that is not valid XML, or neither RSS nor Atom.
    case badFeed(url: String, reason: String)
    /// git failed.
    case git(address: String, reason: String)
    /// The digest directory cannot be written.
    case store(path: String, reason: String)

    public var description: String {
        switch self {
        case .badSource(let text, let reason):
            "`\(text)` cannot be fetched: \(reason). Give an https:// address or git+URL of a repository."
        case .http(let url, let status):
            "\(url) answered HTTP \(status). Check the address (and that the digest is published)."
        case .network(let url, let reason, let attempts):
            "\(url) could not be reached after \(attempts) attempt(s): \(reason). Check the network and the address."
        case .tooLarge(let url, let limit):
            "\(url) sent more than \(limit / 1_048_576) MiB; a digest is never that large, so it was not stored."
        case .badFeed(let url, let reason):
            "\(url) is not a digest or a readable RSS/Atom feed (\(reason))."
        case .git(let address, let reason):
            "git could not fetch \(address): \(reason). Check the address and that git is installed."
        case .store(let path, let reason):
            "cannot write to \(path): \(reason). Check the directory and its permissions."
        }
    }
}
