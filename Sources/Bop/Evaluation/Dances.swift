import ReachyMotion

/// The 20 official Reachy Mini dances, routed to ReachyMotion: their names and length in beats come from
/// `DanceCatalog` (the official library's table), and the motion that is sampled and played is the exact
/// `DanceMove` (see `Sampler` and `BopMotion`). Each dance is drawn on the text timeline by lanes derived from that
/// same `DanceMove` (``DanceLanes``).
public enum Dances {
    /// A dance of the catalogue with its lane summary.
    struct Dance: Sendable {
        var name: String
        /// Beats of one round, from the official catalogue (whole numbers for every official dance).
        var beats: Int64
        var components: [DanceLanes.Component]
    }

    /// Every catalogued dance (all 20; a test checks none is missing), by name.
    static let all: [String: Dance] = {
        let catalogue = (try? DanceCatalog.all()) ?? []
        let dances = catalogue.compactMap { info -> Dance? in
            guard let move = try? DanceMove(info.name) else { return nil }
            return Dance(name: info.name, beats: Int64(info.beats.rounded()), components: DanceLanes.lanes(of: move))
        }
        return Dictionary(dances.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    /// The number of beats of one round of a dance (from `DanceCatalog`).
    public static func beats(of name: String) -> Int64? { all[name]?.beats }

    /// Every official dance name.
    public static var names: [String] { all.keys.sorted() }
}
