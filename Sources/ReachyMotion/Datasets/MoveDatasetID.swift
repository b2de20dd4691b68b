/// The name of a recorded-move dataset on the Hugging Face Hub, `ORG/NAME`
/// (`pollen-robotics/reachy-mini-emotions-library`).
///
/// Both parts follow the Hub's rules for repository names (letters, digits, `-`, `_`, `.`; no `..`, no leading or
/// trailing `.` or `-`), so a name can never point outside the folder it is looked up in.
public struct MoveDatasetID: Hashable, Sendable, CustomStringConvertible {
    /// The owner (`pollen-robotics`).
    public let organization: String
    /// The dataset (`reachy-mini-emotions-library`).
    public let name: String

    /// The official emotions library (the daemon's default for named moves).
    public static let emotions = MoveDatasetID(
        checkedOrganization: "pollen-robotics", name: "reachy-mini-emotions-library")
    /// The official dances library.
    public static let dances = MoveDatasetID(checkedOrganization: "pollen-robotics", name: "reachy-mini-dances-library")

    private init(checkedOrganization organization: String, name: String) {
        self.organization = organization
        self.name = name
    }

    /// Parses `ORG/NAME`.
    /// - Throws: ``MoveDatasetError/invalidDatasetName(_:)`` for anything else.
    public init(_ text: String) throws(MoveDatasetError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, parts.allSatisfy(Self.isValidPart) else { throw .invalidDatasetName(text) }
        self.init(checkedOrganization: parts[0], name: parts[1])
    }

    /// The organization and name, each checked.
    /// - Throws: ``MoveDatasetError/invalidDatasetName(_:)``.
    public init(organization: String, name: String) throws(MoveDatasetError) {
        try self.init("\(organization)/\(name)")
    }

    /// `ORG/NAME`.
    public var description: String { "\(organization)/\(name)" }

    /// The folder of this dataset in a Hugging Face hub cache: `datasets--ORG--NAME`.
    public var hubFolderName: String { "datasets--\(organization)--\(name)" }

    /// Whether `part` is a valid Hub name part (at most 96 characters).
    static func isValidPart(_ part: String) -> Bool {
        guard !part.isEmpty, part.count <= 96, !part.contains(".."), let first = part.first, let last = part.last
        else { return false }
        let edges: Set<Character> = [".", "-"]
        guard !edges.contains(first), !edges.contains(last) else { return false }
        return part.unicodeScalars.allSatisfy { s in
            (s.value < 128 && (s.properties.isAlphabetic || ("0"..."9").contains(s))) || s == "-" || s == "_"
                || s == "."
        }
    }
}
