import Foundation
import ReachyMotion

/// The 20 official Reachy Mini dances, routed to ReachyMotion: their names and length in beats come from
/// `DanceCatalog` (the official library's table), and the motion that is sampled and played is the exact
/// `DanceMove` (see `Sampler` and `BopMotion`). What stays here is a lane summary for the text timeline and the
/// `together` check: which axes a dance uses, drawn as a few oscillations of those axes (kept within the kid limits).
public enum Dances {
    /// One oscillating axis of a dance.
    struct Component: Sendable {
        var axis: Axis
        /// Peak offset, degrees or meters.
        var amplitude: Double
        /// Full cycles per beat.
        var cyclesPerBeat: Rational
    }

    /// A dance: its beats per cycle (from `DanceCatalog`) and its lane summary.
    struct Dance: Sendable {
        var name: String
        var components: [Component]
        /// Beats of one round, from the official catalogue (whole numbers for every official dance).
        var beats: Int64 { Dances.catalogBeats[name] ?? 4 }
    }

    /// Beats of every catalogued dance.
    static let catalogBeats: [String: Int64] = {
        let all = (try? DanceCatalog.all()) ?? []
        return Dictionary(all.map { ($0.name, Int64($0.beats.rounded())) }, uniquingKeysWith: { a, _ in a })
    }()

    private static func c(_ axis: Axis, _ amplitude: Double, _ n: Int64, _ d: Int64 = 1) -> Component {
        Component(axis: axis, amplitude: amplitude, cyclesPerBeat: Rational(n, d))
    }

    static let all: [String: Dance] = {
        let list: [Dance] = [
            Dance(
                name: "simple_nod",
                components: [c(.headPitch, 20, 1), c(.antennaRight, 30, 1), c(.antennaLeft, -30, 1)]),
            Dance(
                name: "head_tilt_roll",
                components: [c(.headRoll, 15, 1, 2), c(.antennaRight, 30, 1, 2), c(.antennaLeft, -30, 1, 2)]),
            Dance(name: "side_to_side_sway", components: [c(.headY, 0.04, 1, 2)]),
            Dance(name: "dizzy_spin", components: [c(.headRoll, 15, 1, 4), c(.headPitch, 15, 1, 4)]),
            Dance(
                name: "stumble_and_recover",
                components: [
                    c(.headYaw, 25, 1, 4), c(.headPitch, 10, 1, 4), c(.headY, 0.015, 1, 4), c(.antennaRight, 50, 1, 4),
                    c(.antennaLeft, 50, 1, 4),
                ]),
            Dance(
                name: "headbanger_combo",
                components: [
                    c(.headPitch, 20, 1), c(.headZ, 0.015, 1), c(.antennaRight, 40, 1), c(.antennaLeft, 40, 1),
                ]),
            Dance(
                name: "interwoven_spirals",
                components: [c(.headRoll, 15, 1, 8), c(.headPitch, 20, 1, 8), c(.headYaw, 25, 1, 8)]),
            Dance(name: "sharp_side_tilt", components: [c(.headRoll, 22, 1)]),
            Dance(
                name: "side_peekaboo",
                components: [
                    c(.headZ, 0.02, 1, 2), c(.headY, 0.03, 1, 2), c(.headPitch, 20, 1, 2), c(.antennaRight, 60, 1, 2),
                    c(.antennaLeft, 60, 1, 2),
                ]),
            Dance(
                name: "yeah_nod",
                components: [c(.headPitch, 15, 1), c(.antennaRight, 20, 1), c(.antennaLeft, 20, 1)]),
            Dance(name: "uh_huh_tilt", components: [c(.headRoll, 15, 1, 2)]),
            Dance(name: "neck_recoil", components: [c(.headX, 0.015, 1, 2)]),
            Dance(name: "chin_lead", components: [c(.headX, 0.02, 1, 2), c(.headPitch, 15, 1, 2)]),
            Dance(name: "groovy_sway_and_roll", components: [c(.headY, 0.03, 1, 2), c(.headRoll, 15, 1, 2)]),
            Dance(
                name: "chicken_peck",
                components: [c(.headX, 0.02, 1), c(.antennaRight, 30, 1), c(.antennaLeft, 30, 1)]),
            Dance(name: "side_glance_flick", components: [c(.headYaw, 45, 1, 4)]),
            Dance(name: "polyrhythm_combo", components: [c(.headY, 0.02, 1, 3), c(.headPitch, 10, 1, 2)]),
            Dance(
                name: "grid_snap",
                components: [
                    c(.headYaw, 20, 1, 4), c(.headPitch, 20, 1, 4), c(.antennaRight, 10, 1, 4),
                    c(.antennaLeft, 10, 1, 4),
                ]),
            Dance(name: "pendulum_swing", components: [c(.headRoll, 25, 1, 4)]),
            Dance(
                name: "jackson_square",
                components: [c(.headY, 0.035, 1, 5), c(.headZ, 0.02, 1, 5), c(.headPitch, 20, 1, 5)]),
        ]
        // Only dances the official catalogue knows are offered.
        return Dictionary(uniqueKeysWithValues: list.filter { catalogBeats[$0.name] != nil }.map { ($0.name, $0) })
    }()

    /// The number of beats of one round of a dance (from `DanceCatalog`).
    public static func beats(of name: String) -> Int64? { all[name]?.beats }

    /// Every official dance name.
    public static var names: [String] { all.keys.sorted() }
}
