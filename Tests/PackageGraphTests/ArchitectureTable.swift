import Foundation

/// The module table of docs/ARCHITECTURE.md: `| layer | `Target` | `Dep`, `Dep` | … |` rows.
struct ArchitectureTable {
    /// One row.
    struct Row: Equatable {
        var layer: Int
        var target: String
        var dependencies: Set<String>
    }

    var rows: [Row]

    init(markdown: String) {
        rows = markdown.split(separator: "\n").compactMap { line -> Row? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 5, let layer = Int(cells[1]) else { return nil }
            let name = cells[2].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let dependencies =
                cells[3] == "—"
                ? []
                : cells[3].split(separator: ",").map {
                    $0.trimmingCharacters(in: CharacterSet(charactersIn: "` "))
                }
            return Row(layer: layer, target: name, dependencies: Set(dependencies))
        }
    }

    subscript(_ target: String) -> Row? { rows.first { $0.target == target } }
}
