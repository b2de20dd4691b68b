public import Foundation

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
