public import Foundation

/// The index of one local recorded-move dataset: every `*.json` move of its folder and of its `data/` folder (as
/// the official `RecordedMoves` reads them; a move in `data/` replaces one of the same name above it), with the
/// sound file beside each. Building the index lists folders only; a move's file is read by ``move(_:)``.
public struct MoveDataset: Sendable, Equatable {
    /// The sound formats looked for next to a move, in order (the official list; WAV wins ties).
    public static let soundExtensions = ["wav", "mp3", "ogg", "oga", "opus", "flac", "m4a", "aac"]

    /// One move of the index.
    public struct Entry: Sendable, Equatable {
        /// The JSON file.
        public var file: URL
        /// The sound file, if any.
        public var sound: URL?
    }

    /// The dataset.
    public let id: MoveDatasetID
    /// The folder it was read from (a snapshot folder for the hub cache).
    public let directory: URL
    /// The moves by name.
    public let entries: [String: Entry]

    /// Indexes the moves of `directory`.
    /// - Throws: ``MoveDatasetError/unreadableDirectory(path:reason:)``.
    public init(id: MoveDatasetID, directory: URL) throws(MoveDatasetError) {
        self.id = id
        self.directory = directory
        var entries: [String: Entry] = [:]
        for folder in [directory, directory.appendingPathComponent("data")] {
            if folder != directory, !MoveDatasetSources.isDirectory(folder) { continue }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw .unreadableDirectory(path: folder.path, reason: error.localizedDescription)
            }
            let present = Set(names)
            for file in names where file.hasSuffix(".json") && !file.hasPrefix(".") && file.count > 5 {
                let stem = String(file.dropLast(5))
                let sound = Self.soundExtensions.first { present.contains("\(stem).\($0)") }
                entries[stem] = Entry(
                    file: folder.appendingPathComponent(file),
                    sound: sound.map { folder.appendingPathComponent("\(stem).\($0)") })
            }
        }
        self.entries = entries
    }

    /// The move names, sorted (the daemon answers them in directory order).
    public var names: [String] { entries.keys.sorted() }

    /// Loads the move `name`.
    /// - Throws: ``MoveDatasetError/unknownMove(name:dataset:known:suggestion:)`` (with the closest name), or
    ///   ``MoveDatasetError/badMove(name:dataset:path:error:)`` when its file is not a valid recorded move.
    public func move(_ name: String) throws(MoveDatasetError) -> DatasetMove {
        guard let entry = entries[name] else {
            throw .unknownMove(
                name: name, dataset: id.description, known: names,
                suggestion: MoveNameSuggestion.closest(to: name, among: names))
        }
        do {
            let move = try RecordedMove(contentsOf: entry.file)
            return DatasetMove(name: name, dataset: id, file: entry.file, move: move, sound: entry.sound)
        } catch {
            throw .badMove(name: name, dataset: id.description, path: entry.file.path, error: error)
        }
    }
}
