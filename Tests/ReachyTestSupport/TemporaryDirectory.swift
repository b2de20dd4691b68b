public import Foundation

/// A new, empty directory under the system's temporary directory for a test's files; ``remove()`` deletes it with
/// everything in it.
///
/// ```swift
/// let dir = try TemporaryDirectory("soak")
/// defer { dir.remove() }
/// let wav = dir.file("voice.wav")
/// ```
public struct TemporaryDirectory: Sendable {
    /// The directory.
    public let url: URL

    /// Creates `<temporary directory>/<prefix>-<UUID>`.
    public init(_ prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Deletes the directory and its contents (best effort: a test's clean-up never fails it).
    public func remove() { try? FileManager.default.removeItem(at: url) }
}
