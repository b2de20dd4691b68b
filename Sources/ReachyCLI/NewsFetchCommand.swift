import ArgumentParser
import Foundation
import ReachyNews

/// `reachy news fetch`: brings digests from the web (Markdown or RSS/Atom) or a git repository into a directory.
struct NewsFetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch digests into a directory: Markdown or RSS/Atom addresses, or git repositories of digests.",
        discussion: """
            Each SOURCE is an https:// address (a Markdown digest, or an RSS/Atom feed whose entries become the \
            items of one digest) or git+URL of a repository whose *.md files are digests (cloned once, then \
            pulled). Digests are stored in --dir under their identity (source name + content hash), so a digest \
            published again under the same name is new and an unchanged one is not stored twice. Web addresses \
            are asked conditionally (ETag / Last-Modified remembered in --dir/.reachy-fetch.json), retried with \
            backoff on network errors and 5xx answers, and refused over --max-mib. One line per source says what \
            happened; the exit status is 1 if any source failed (the others are still stored).
            """)

    @Argument(help: "Digest addresses (https://…) or repositories (git+https://…, git+file:///…).")
    var sources: [String]

    @Option(name: .long, help: "Directory to store the digests in (created if missing).")
    var dir: String

    @Option(name: .long, help: "Seconds to wait for an answer.")
    var timeout: Double = 15

    @Option(name: .long, help: "Attempts per source (1–10).")
    var attempts: Int = 3

    @Option(name: .customLong("max-mib"), help: "Largest digest accepted, MiB.")
    var maxMiB: Int = 5

    func validate() throws {
        guard !sources.isEmpty else { throw ValidationError("Give at least one source to fetch.") }
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds.") }
        guard (1...10).contains(attempts) else { throw ValidationError("--attempts must be between 1 and 10.") }
        guard (1...100).contains(maxMiB) else { throw ValidationError("--max-mib must be between 1 and 100.") }
        for source in sources {
            do { _ = try DigestSource(source) } catch { throw ValidationError(error.description) }
        }
    }

    func run() async throws {
        let parsed = sources.compactMap { try? DigestSource($0) }
        let fetcher = DigestFetcher(
            directory: URL(fileURLWithPath: dir),
            options: .init(timeout: timeout, attempts: attempts, sizeLimit: maxMiB * 1_048_576))
        let outcomes = await fetcher.fetch(parsed)
        for outcome in outcomes { print(outcome.logLine) }
        if outcomes.contains(where: \.isFailure) { throw ExitCode(1) }
    }
}
