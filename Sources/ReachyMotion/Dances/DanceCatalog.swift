import Foundation

/// A dance of the catalogue: name, length in beats, description and default parameters.
public struct DanceInfo: Sendable, Equatable, Codable {
    /// Name (`simple_nod`, …).
    public var name: String
    /// Length of one run, in beats.
    public var beats: Double
    /// What it looks like.
    public var description: String
    /// Default parameters (radians, meters, cycles per beat, names).
    public var parameters: [String: DanceParameter]
}

/// The catalogue of the 20 official dances (bundled `Resources/dances.json`, extracted from
/// `reachy_mini_dances_library` 0.2.1), with the default tempo.
public enum DanceCatalog {
    /// The library's default tempo (beats per minute).
    public static let defaultBPM = 114.0

    struct File: Decodable {
        var default_bpm: Double
        var dances: [DanceInfo]
    }

    private static let loaded: Result<[DanceInfo], DanceError> = {
        guard
            let url = Bundle.module.url(forResource: "dances", withExtension: "json", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "dances", withExtension: "json")
        else { return .failure(.catalogUnavailable("dances.json is missing from the ReachyMotion bundle")) }
        do {
            let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
            return .success(file.dances)
        } catch {
            return .failure(.catalogUnavailable(String(describing: error)))
        }
    }()

    /// All dances, in the library's order.
    public static func all() throws(DanceError) -> [DanceInfo] { try loaded.get() }

    /// The dance named `name`.
    public static func info(named name: String) throws(DanceError) -> DanceInfo {
        let dances = try all()
        guard let d = dances.first(where: { $0.name == name }) else {
            throw .unknownDance(name: name, available: dances.map(\.name))
        }
        return d
    }
}
