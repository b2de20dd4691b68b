public import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Fetches digests into a directory: web addresses with conditional GET (ETag / Last-Modified, remembered in
/// `.reachy-fetch.json` in the directory), a timeout, retries with exponential backoff on network errors and 5xx
/// answers, and a size limit; feeds become Markdown digests; git repositories are cloned, then pulled. Every digest
/// is stored under its identity — source label plus content hash (`host-0123456789abcdef.md`) — never under the name
/// it had, so tomorrow's `latest.md` is a new digest and an unchanged one is not stored twice. Digests without a
/// date get their arrival time in their front matter.
public struct DigestFetcher: Sendable {
    /// How patient the fetcher is.
    public struct Options: Sendable {
        /// Seconds to wait for an answer.
        public var timeout: TimeInterval = 15
        /// Attempts in all (≥ 1).
        public var attempts: Int = 3
        /// Seconds before the first retry; doubled each time.
        public var backoff: TimeInterval = 1
        /// Largest answer accepted, bytes.
        public var sizeLimit: Int = 5 * 1_048_576

        public init(
            timeout: TimeInterval = 15, attempts: Int = 3, backoff: TimeInterval = 1, sizeLimit: Int = 5_242_880
        ) {
            self.timeout = timeout
            self.attempts = max(1, attempts)
            self.backoff = backoff
            self.sizeLimit = sizeLimit
        }
    }

    public let directory: URL
    public let options: Options
    /// When digests arrive (dates undated ones).
    public let now: @Sendable () -> Date

    public init(directory: URL, options: Options = Options(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.directory = directory
        self.options = options
        self.now = now
    }

    /// Fetches every source, one after another; never throws: each source's outcome says what happened.
    public func fetch(_ sources: [DigestSource]) async -> [DigestFetchOutcome] {
        var outcomes: [DigestFetchOutcome] = []
        for source in sources {
            switch source {
            case .web(let url): outcomes.append(await fetchWeb(url, source: source))
            case .git(let address): outcomes.append(fetchGit(address, source: source))
            }
        }
        return outcomes
    }

    // MARK: - Web

    private func fetchWeb(_ url: URL, source: DigestSource) async -> DigestFetchOutcome {
        let key = url.absoluteString
        var state = FetchState.load(from: stateFile)
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: options.timeout)
        if let etag = state.entries[key]?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let modified = state.entries[key]?.lastModified {
            request.setValue(modified, forHTTPHeaderField: "If-Modified-Since")
        }
        var attempt = 0
        var lastReason = ""
        while attempt < options.attempts {
            attempt += 1
            if attempt > 1 {
                let delay = options.backoff * pow(2, Double(attempt - 2))
                try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
            }
            let data: Data
            let response: URLResponse
            do {
                (data, response) = try await URLSession.shared.data(for: request)
            } catch {
                lastReason = (error as NSError).localizedDescription
                continue
            }
            guard let http = response as? HTTPURLResponse else {
                lastReason = "not an HTTP answer"
                continue
            }
            if http.statusCode == 304 { return .unchanged(source: key, reason: "HTTP 304, not modified") }
            if (500...599).contains(http.statusCode) {
                lastReason = "HTTP \(http.statusCode)"
                continue
            }
            guard (200...299).contains(http.statusCode) else {
                return .failed(source: key, error: .http(url: key, status: http.statusCode))
            }
            guard data.count <= options.sizeLimit else {
                return .failed(source: key, error: .tooLarge(url: key, limit: options.sizeLimit))
            }
            let outcome = store(
                data, source: source, key: key, contentType: http.value(forHTTPHeaderField: "Content-Type"))
            if !outcome.isFailure {
                state.entries[key] = FetchState.Entry(
                    etag: http.value(forHTTPHeaderField: "ETag"),
                    lastModified: http.value(forHTTPHeaderField: "Last-Modified"))
                try? state.save(to: stateFile)
            }
            return outcome
        }
        return .failed(source: key, error: .network(url: key, reason: lastReason, attempts: attempt))
    }

    /// Stores a fetched answer: a feed becomes a digest; Markdown is stored as it is (dated if undated).
    private func store(_ data: Data, source: DigestSource, key: String, contentType: String?) -> DigestFetchOutcome {
        let text = String(decoding: data, as: UTF8.self)
        let head = text.prefix(512).lowercased()
        let looksXML =
            (contentType ?? "").contains("xml") || head.contains("<rss") || head.contains("<feed")
            || head.hasPrefix("<?xml")
        let digest: String
        if looksXML {
            guard let feed = Feed.parse(data) else {
                return .failed(source: key, error: .badFeed(url: key, reason: "the XML has no RSS or Atom root"))
            }
            guard !feed.entries.isEmpty else { return .unchanged(source: key, reason: "the feed has no entries") }
            digest = feed.digest(arrival: now())
        } else {
            digest = dated(text)
        }
        return save(digest, label: source.label, source: key)
    }

    /// A Markdown digest with no front matter gets one with its arrival time (so it is not "always fresh").
    private func dated(_ text: String) -> String {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if body.hasPrefix("---") { return body }
        return "---\ntitle: \"News\"\ndate: \(ISO8601DateFormatter().string(from: now()))\n---\n\n" + body
    }

    /// Writes the digest under its identity unless that identity is already stored.
    private func save(_ digest: String, label: String, source: String) -> DigestFetchOutcome {
        let name = "\(label)-\(ContentHash.of(digest.utf8)).md"
        let file = directory.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: file.path) {
            return .unchanged(source: source, reason: "already stored as \(name)")
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try AtomicFile.write(Data(digest.utf8), to: file)
        } catch {
            return .failed(source: source, error: .store(path: file.path, reason: "\(error)"))
        }
        return .stored(source: source, files: [name])
    }

    var stateFile: URL { directory.appendingPathComponent(".reachy-fetch.json") }

    // MARK: - Git

    private func fetchGit(_ address: String, source: DigestSource) -> DigestFetchOutcome {
        let key = "git+" + address
        let clone = directory.appendingPathComponent(".sources").appendingPathComponent(
            "\(source.label)-\(ContentHash.of(address.utf8))")
        let exists = FileManager.default.fileExists(atPath: clone.appendingPathComponent(".git").path)
        let arguments =
            exists
            ? ["-C", clone.path, "pull", "--ff-only", "--quiet"]
            : ["clone", "--depth", "1", "--quiet", address, clone.path]
        if !exists {
            try? FileManager.default.createDirectory(
                at: clone.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        if let failure = Self.git(arguments, timeout: options.timeout * Double(options.attempts)) {
            return .failed(source: key, error: .git(address: address, reason: failure))
        }
        var stored: [String] = []
        let files =
            (FileManager.default.enumerator(at: clone, includingPropertiesForKeys: nil)?.allObjects as? [URL]) ?? []
        for file in files.sorted(by: { $0.path < $1.path })
        where file.pathExtension == "md" && !file.path.contains("/.git/")
            && file.lastPathComponent.lowercased() != "readme.md"
        {
            guard let data = try? Data(contentsOf: file), data.count <= options.sizeLimit else { continue }
            if case .stored(_, let names) = save(
                dated(String(decoding: data, as: UTF8.self)), label: source.label, source: key)
            {
                stored += names
            }
        }
        return stored.isEmpty
            ? .unchanged(source: key, reason: "no new digest in the repository") : .stored(source: key, files: stored)
    }

    /// Runs git; nil on success, else what it said.
    static func git(_ arguments: [String], timeout: TimeInterval) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return "cannot run git (\(error))" }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            return "timed out after \(Int(timeout)) s"
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return process.terminationStatus == 0 ? nil : message.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
