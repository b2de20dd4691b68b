import Foundation

/// What the fetcher remembers per web address (`.reachy-fetch.json` in the digest directory): the validators for
/// the next conditional GET.
struct FetchState: Codable, Sendable {
    struct Entry: Codable, Sendable {
        var etag: String?
        var lastModified: String?
    }

    var entries: [String: Entry] = [:]

    static func load(from url: URL) -> FetchState {
        guard let data = try? Data(contentsOf: url) else { return FetchState() }
        return (try? JSONDecoder().decode(FetchState.self, from: data)) ?? FetchState()
    }

    func save(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: url)
    }
}
