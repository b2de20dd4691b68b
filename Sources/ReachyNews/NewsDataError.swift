import Foundation

/// Problems with the news anchor's data tables.
public enum NewsDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The resource bundle with `Data/` is not installed next to the program.
    case tablesNotFound(searched: [String])
    /// A table file could not be read or decoded.
    case invalidTable(path: String, reason: String)

    public var description: String {
        switch self {
        case .tablesNotFound(let searched):
            return "The news tables (respellings.json, moods.json, gestures.json) were not found (looked in: "
                + searched.joined(separator: ", ")
                + "). Install the ReachyBridge_ReachyNews.resources directory next to the `reachy` binary, or set "
                + "REACHY_NEWS_DATA to a directory holding the tables."
        case .invalidTable(let path, let reason):
            return "The table \(path) could not be read: \(reason). Fix the JSON (see docs/news.md for the format)."
        }
    }
}
