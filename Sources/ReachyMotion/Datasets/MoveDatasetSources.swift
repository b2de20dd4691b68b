public import Foundation

/// Where recorded-move datasets are looked for, in order: each `--moves-dir` folder, then the Hugging Face hub cache.
///
/// In a moves folder `DIR`, dataset `ORG/NAME` is `DIR/ORG/NAME/` (what `huggingface-cli download --local-dir
/// DIR/ORG/NAME` writes), else `DIR/NAME/`, else a hub-cache entry `DIR/datasets--ORG--NAME/` (so a hub cache
/// folder can be given as a moves folder too). In the hub cache the entry is `datasets--ORG--NAME/`: its
/// `refs/main` names the snapshot (`snapshots/HASH/`), as `huggingface_hub` reads it offline; an entry without
/// `refs/main` but with exactly one snapshot uses that one.
public struct MoveDatasetSources: Sendable, Equatable {
    /// Folders given with `--moves-dir`, searched first.
    public var movesDirectories: [URL]
    /// The Hugging Face hub cache (`~/.cache/huggingface/hub`), or nil for none.
    public var hubCache: URL?

    /// Sources from folders and a hub cache.
    public init(movesDirectories: [URL] = [], hubCache: URL?) {
        self.movesDirectories = movesDirectories
        self.hubCache = hubCache
    }

    /// The moves folders given, then the hub cache of `environment` (``hubCache(environment:)``).
    public static func standard(
        movesDirectories: [URL] = [], environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> MoveDatasetSources {
        MoveDatasetSources(movesDirectories: movesDirectories, hubCache: hubCache(environment: environment))
    }

    /// The hub cache `huggingface_hub` uses: `HF_HUB_CACHE`, else `HUGGINGFACE_HUB_CACHE`, else `HF_HOME/hub`,
    /// else `XDG_CACHE_HOME/huggingface/hub`, else `~/.cache/huggingface/hub` (a leading `~` is expanded).
    public static func hubCache(environment: [String: String]) -> URL? {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        func expanded(_ path: String) -> String? {
            guard !path.isEmpty else { return nil }
            if path == "~" || path.hasPrefix("~/") {
                guard let home else { return nil }
                return home + path.dropFirst()
            }
            return path
        }
        func value(_ key: String) -> String? { environment[key].flatMap(expanded) }
        if let cache = value("HF_HUB_CACHE") ?? value("HUGGINGFACE_HUB_CACHE") {
            return URL(fileURLWithPath: cache, isDirectory: true)
        }
        let hfHome =
            value("HF_HOME") ?? value("XDG_CACHE_HOME").map { $0 + "/huggingface" }
            ?? home.map { $0 + "/.cache/huggingface" }
        return hfHome.map { URL(fileURLWithPath: $0 + "/hub", isDirectory: true) }
    }

    /// The folder holding the moves of `dataset`.
    /// - Throws: ``MoveDatasetError/notInstalled(dataset:searched:)`` naming every place looked at, or
    ///   ``MoveDatasetError/brokenCache(dataset:path:reason:)`` for a cache entry without a usable snapshot.
    public func locate(_ dataset: MoveDatasetID) throws(MoveDatasetError) -> URL {
        var searched: [String] = []
        for directory in movesDirectories {
            for candidate in [
                directory.appendingPathComponent(dataset.organization).appendingPathComponent(dataset.name),
                directory.appendingPathComponent(dataset.name),
            ] {
                if Self.isDirectory(candidate) { return candidate }
            }
            let entry = directory.appendingPathComponent(dataset.hubFolderName)
            if Self.isDirectory(entry) { return try Self.snapshot(of: entry, dataset) }
            searched.append(directory.appendingPathComponent(dataset.description).path)
        }
        if let hubCache {
            let entry = hubCache.appendingPathComponent(dataset.hubFolderName)
            if Self.isDirectory(entry) { return try Self.snapshot(of: entry, dataset) }
            searched.append(entry.path)
        }
        throw .notInstalled(dataset: dataset.description, searched: searched)
    }

    /// The snapshot folder of a hub-cache entry: `snapshots/<refs/main>`, else its only snapshot.
    static func snapshot(of entry: URL, _ dataset: MoveDatasetID) throws(MoveDatasetError) -> URL {
        let snapshots = entry.appendingPathComponent("snapshots")
        let ref = entry.appendingPathComponent("refs").appendingPathComponent("main")
        if let text = try? String(contentsOf: ref, encoding: .utf8) {
            let hash = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !hash.isEmpty, !hash.contains("/"), hash != "..", hash != "." else {
                throw .brokenCache(dataset: dataset.description, path: ref.path, reason: "refs/main names no snapshot")
            }
            let folder = snapshots.appendingPathComponent(hash)
            guard isDirectory(folder) else {
                throw .brokenCache(
                    dataset: dataset.description, path: entry.path,
                    reason: "refs/main names snapshot \(hash), which is missing")
            }
            return folder
        }
        let found = ((try? FileManager.default.contentsOfDirectory(atPath: snapshots.path)) ?? [])
            .filter { !$0.hasPrefix(".") && isDirectory(snapshots.appendingPathComponent($0)) }
        guard found.count == 1 else {
            throw .brokenCache(
                dataset: dataset.description, path: entry.path,
                reason: found.isEmpty
                    ? "it has no snapshot" : "it has no refs/main and \(found.count) snapshots to choose from")
        }
        return snapshots.appendingPathComponent(found[0])
    }

    /// Whether `url` is a folder (following symbolic links).
    static func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }
}
