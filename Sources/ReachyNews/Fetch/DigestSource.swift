public import Foundation

/// Where digests come from: a web address (a Markdown digest, or an RSS/Atom feed — told apart by what arrives) or a
/// git repository of digest files (`git+https://…`, `git+file:///…`, or an address ending in `.git`).
public enum DigestSource: Sendable, Equatable, CustomStringConvertible {
    /// An http(s) address of a Markdown digest or a feed.
    case web(URL)
    /// A git repository (cloned, then pulled) whose `*.md` files are digests.
    case git(String)

    /// Reads a source as written on the command line.
    /// - Throws: ``DigestFetchError/badSource(_:reason:)`` for anything else (a file path, ftp, a typo).
    public init(_ text: String) throws(DigestFetchError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("git+") {
            self = .git(String(trimmed.dropFirst(4)))
            return
        }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), url.host?.isEmpty == false
        else {
            throw .badSource(text, reason: "not an http(s) address")
        }
        if trimmed.hasSuffix(".git") {
            self = .git(trimmed)
            return
        }
        guard scheme == "http" || scheme == "https" else {
            throw .badSource(text, reason: "only http(s) addresses and git repositories (git+URL) are fetched")
        }
        self = .web(url)
    }

    public var description: String {
        switch self {
        case .web(let url): url.absoluteString
        case .git(let address): "git+" + address
        }
    }

    /// A short name for stored files: the host (or the repository's name), letters, digits and dashes only.
    var label: String {
        let raw: String
        switch self {
        case .web(let url): raw = url.host ?? "digest"
        case .git(let address):
            raw = (address.split(separator: "/").last.map(String.init) ?? "repo").replacingOccurrences(
                of: ".git", with: "")
        }
        let cleaned = raw.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(cleaned.prefix(40))
    }
}
