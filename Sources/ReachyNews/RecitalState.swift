import Foundation

/// What has been recited, persisted between runs (`reachy news recite` reads and writes it).
public struct RecitalState: Sendable, Codable, Equatable {
    /// A digest that was handled.
    public struct Entry: Sendable, Codable, Equatable {
        /// File name of the digest.
        public var name: String
        /// Its front-matter date.
        public var digestDate: Date?
        /// When it was recited (or skipped).
        public var handledAt: Date
        /// True when it was too old to recite and was skipped on purpose.
        public var skipped: Bool
    }

    /// Format version.
    public var formatVersion: Int = 1
    /// Handled digests, oldest first.
    public var digests: [Entry]
    /// Canonical links of every item already read aloud (see `DigestMerger.canonicalURL`).
    public var recitedURLs: [String]
    /// The scheduled slot last served.
    public var lastSlot: Date?

    /// An empty state.
    public init(digests: [Entry] = [], recitedURLs: [String] = [], lastSlot: Date? = nil) {
        self.digests = digests
        self.recitedURLs = recitedURLs
        self.lastSlot = lastSlot
    }

    /// Names of handled digests.
    public var handledNames: Set<String> { Set(digests.map(\.name)) }
}

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

/// Loads and saves `RecitalState` as JSON; saving is atomic (temporary file, fsync, rename, fsync of the directory),
/// so a crash or power cut leaves either the old or the new state, never a torn file.
public struct RecitalStateStore: Sendable {
    /// The state file.
    public var url: URL

    /// A store at `url`.
    public init(url: URL) { self.url = url }

    /// The saved state, or an empty one if the file does not exist yet.
    public func load() throws(RecitalStateError) -> RecitalState {
        guard FileManager.default.fileExists(atPath: url.path) else { return RecitalState() }
        do {
            let data = try Data(contentsOf: url)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(RecitalState.self, from: data)
        } catch {
            throw .corrupt(path: url.path, reason: "\(error)")
        }
    }

    /// Saves atomically.
    public func save(_ state: RecitalState) throws(RecitalStateError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do { data = try encoder.encode(state) } catch { throw .writeFailed(path: url.path, reason: "\(error)") }
        try AtomicFile.write(data, to: url)
    }
}

/// Crash-safe file replacement.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws(RecitalStateError) {
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .writeFailed(path: url.path, reason: String(cString: strerror(errno))) }
        var ok = data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, base.advanced(by: offset), raw.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        let closed = close(fd) == 0
        guard ok, closed, rename(temp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp.path)
            throw .writeFailed(path: url.path, reason: reason)
        }
        let dirFD = open(dir.path, O_RDONLY)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }
}
