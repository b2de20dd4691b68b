/// Why a recorded-move dataset, or a move in it, could not be found or loaded. Each message says what to do.
public enum MoveDatasetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The dataset name is not `ORG/NAME`.
    case invalidDatasetName(String)
    /// No local copy of the dataset: where it was looked for.
    case notInstalled(dataset: String, searched: [String])
    /// A Hugging Face cache entry that does not lead to a snapshot (`refs/main` names a missing folder…).
    case brokenCache(dataset: String, path: String, reason: String)
    /// The dataset folder could not be listed.
    case unreadableDirectory(path: String, reason: String)
    /// No move of that name in the dataset: a few of its moves, and the closest name when one is close.
    case unknownMove(name: String, dataset: String, known: [String], suggestion: String?)
    /// The move file is not a valid recorded move.
    case badMove(name: String, dataset: String, path: String, error: RecordedMoveError)

    /// The command that puts a dataset in the Hugging Face cache.
    public static func downloadCommand(_ dataset: String) -> String {
        "huggingface-cli download --repo-type dataset \(dataset)"
    }

    /// How many move names a message lists.
    static let listed = 8

    public var description: String {
        switch self {
        case .invalidDatasetName(let text):
            return "\"\(text)\" is not a dataset name; write ORG/NAME, e.g. "
                + "\(MoveDatasetID.emotions) (letters, digits, '-', '_' and '.')."
        case .notInstalled(let dataset, let searched):
            let places = searched.isEmpty ? "" : " Looked in: \(searched.joined(separator: ", "))."
            return "The recorded-move dataset \(dataset) is not on this computer (ReachyBridge never downloads)."
                + places + " Make it local: `\(Self.downloadCommand(dataset))` (into the Hugging Face cache), "
                + "or copy its files to DIR/\(dataset)/ and pass --moves-dir DIR."
        case .brokenCache(let dataset, let path, let reason):
            return "The Hugging Face cache entry of \(dataset) at \(path) is incomplete: \(reason). "
                + "Download it again: `\(Self.downloadCommand(dataset))`."
        case .unreadableDirectory(let path, let reason):
            return "Cannot list the moves in \(path): \(reason). Check the folder and its permissions."
        case .unknownMove(let name, let dataset, let known, let suggestion):
            let guess = suggestion.map { " Did you mean \"\($0)\"?" } ?? ""
            let some = known.prefix(Self.listed).joined(separator: ", ")
            let more = known.count > Self.listed ? ", … (\(known.count) in all)" : ""
            let list =
                known.isEmpty
                ? " The dataset has no moves (no .json files)." : " Its moves include: \(some)\(more)."
            return "Move \(name) not found in recorded moves library \(dataset).\(guess)\(list)"
        case .badMove(let name, let dataset, let path, let error):
            return "The move \(name) of \(dataset) (\(path)) cannot be played: \(error.description)"
        }
    }
}
