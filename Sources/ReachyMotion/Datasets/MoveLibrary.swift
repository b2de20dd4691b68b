import Foundation

/// THE recorded-move loader shared by the service's dataset routes, `reachy play --dataset` and Bop's
/// `play emotion`: finds a dataset locally (``MoveDatasetSources``: `--moves-dir` folders, then the Hugging Face
/// cache), indexes it (``MoveDataset``) and loads its moves. It never downloads anything.
///
/// Nothing is cached: every call looks at the folders again, so a dataset downloaded while a server runs is found
/// at once (indexing lists one or two folders).
public struct MoveLibrary: Sendable, Equatable {
    /// Where datasets are looked for.
    public var sources: MoveDatasetSources

    /// A library reading `sources`.
    public init(sources: MoveDatasetSources) {
        self.sources = sources
    }

    /// The library of the moves folders given and the Hugging Face cache of this process's environment.
    public static func standard(movesDirectories: [String] = []) -> MoveLibrary {
        MoveLibrary(
            sources: .standard(movesDirectories: movesDirectories.map { URL(fileURLWithPath: $0, isDirectory: true) }))
    }

    /// A library that finds nothing (no folders, no cache).
    public static let empty = MoveLibrary(sources: MoveDatasetSources(hubCache: nil))

    /// The index of `dataset`.
    /// - Throws: ``MoveDatasetError`` when it is not on this computer or cannot be listed.
    public func dataset(_ dataset: MoveDatasetID) throws(MoveDatasetError) -> MoveDataset {
        try MoveDataset(id: dataset, directory: sources.locate(dataset))
    }

    /// The index of the dataset named `ORG/NAME`.
    /// - Throws: ``MoveDatasetError``, also for a name that is not `ORG/NAME`.
    public func dataset(named text: String) throws(MoveDatasetError) -> MoveDataset {
        try dataset(MoveDatasetID(text))
    }

    /// Loads the move `name` of `dataset`.
    /// - Throws: ``MoveDatasetError``.
    public func move(_ name: String, in dataset: MoveDatasetID) throws(MoveDatasetError) -> DatasetMove {
        try self.dataset(dataset).move(name)
    }
}
