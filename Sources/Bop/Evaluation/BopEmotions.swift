public import ReachyMotion

/// Where `play emotion NAME` finds its emotions: a recorded-move dataset (the official emotions library by
/// default) read through ReachyMotion's ``MoveLibrary`` — the same loader as the service's dataset routes and
/// `reachy play --dataset`. Given to the compiler in ``BopOptions/emotions`` (tests give their own library).
public struct BopEmotions: Sendable {
    /// The loader.
    public var library: MoveLibrary
    /// The dataset holding the emotions.
    public var dataset: MoveDatasetID

    /// Emotions from `dataset` of `library`.
    public init(library: MoveLibrary, dataset: MoveDatasetID = .emotions) {
        self.library = library
        self.dataset = dataset
    }

    /// The official emotions library from the `--moves-dir` folders given, else the Hugging Face cache.
    public static func standard(movesDirectories: [String] = []) -> BopEmotions {
        BopEmotions(library: .standard(movesDirectories: movesDirectories))
    }

    /// No emotions at all (every `play emotion` is the error saying how to get them).
    public static let none = BopEmotions(library: .empty)

    /// The emotion a child wrote: its exact name, else the one name equal to it ignoring case, spaces, `-` and
    /// `_` (`Cheerful 1` is `cheerful1`).
    func resolve(_ written: String, in index: MoveDataset) -> String? {
        if index.entries[written] != nil { return written }
        let key = Self.key(written)
        let matches = index.names.filter { Self.key($0) == key }
        return matches.count == 1 ? matches[0] : nil
    }

    static func key(_ text: String) -> String {
        String(text.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" })
    }
}
