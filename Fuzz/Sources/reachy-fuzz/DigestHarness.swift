import Foundation
import ReachyNews

/// Parses the input as a news digest (bytes, as read from a file) and, like `/api/news/recite`, plans the
/// recital of a digest that parsed without errors.
enum DigestHarness {
    /// The bundled lexicons and gestures, loaded once.
    static let planner: RecitalPlanner? = try? RecitalPlanner.bundled()

    static func run(_ bytes: [UInt8]) {
        let parsed = DigestParser.parse(data: Data(bytes), source: "fuzz")
        guard parsed.firstError == nil, !parsed.digest.items.isEmpty else { return }
        guard let planner else { preconditionFailure("the bundled recital data must load") }
        _ = planner.plan([parsed.digest])
    }
}
