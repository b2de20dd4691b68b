/// The lane summary of each official dance, for the text timeline and the `together` check: which axes the dance
/// uses, drawn as a few oscillations of each (amplitudes kept within the kid limits, so some are smaller than the
/// catalogue's). It is a drawing, not the motion: what is sampled and played is ReachyMotion's exact `DanceMove`.
/// Tests check it against the catalogue: the same dances, the catalogue's cycles per beat, and only axes the
/// `DanceMove` really moves.
enum DanceLanes {
    /// One oscillating axis of a dance.
    struct Component: Sendable {
        var axis: Axis
        /// Peak offset, degrees or meters.
        var amplitude: Double
        /// Full cycles per beat.
        var cyclesPerBeat: Rational
    }

    private static func c(_ axis: Axis, _ amplitude: Double, _ n: Int64, _ d: Int64 = 1) -> Component {
        Component(axis: axis, amplitude: amplitude, cyclesPerBeat: Rational(n, d))
    }

    /// Official dance name → its lanes.
    static let table: [String: [Component]] = [
        "simple_nod": [c(.headPitch, 20, 1), c(.antennaRight, 30, 1), c(.antennaLeft, -30, 1)],
        "head_tilt_roll": [c(.headRoll, 15, 1, 2), c(.antennaRight, 30, 1, 2), c(.antennaLeft, -30, 1, 2)],
        "side_to_side_sway": [c(.headY, 0.04, 1, 2)],
        "dizzy_spin": [c(.headRoll, 15, 1, 4), c(.headPitch, 15, 1, 4)],
        "stumble_and_recover": [
            c(.headYaw, 25, 1, 4), c(.headPitch, 10, 1, 4), c(.headY, 0.015, 1, 4), c(.antennaRight, 50, 1, 4),
            c(.antennaLeft, 50, 1, 4),
        ],
        "headbanger_combo": [
            c(.headPitch, 20, 1), c(.headZ, 0.015, 1), c(.antennaRight, 40, 1), c(.antennaLeft, 40, 1),
        ],
        "interwoven_spirals": [c(.headRoll, 15, 1, 8), c(.headPitch, 20, 1, 8), c(.headYaw, 25, 1, 8)],
        "sharp_side_tilt": [c(.headRoll, 22, 1)],
        "side_peekaboo": [
            c(.headZ, 0.02, 1, 2), c(.headY, 0.03, 1, 2), c(.headPitch, 20, 1, 2), c(.antennaRight, 60, 1, 2),
            c(.antennaLeft, 60, 1, 2),
        ],
        "yeah_nod": [c(.headPitch, 15, 1), c(.antennaRight, 20, 1), c(.antennaLeft, 20, 1)],
        "uh_huh_tilt": [c(.headRoll, 15, 1, 2)],
        "neck_recoil": [c(.headX, 0.015, 1, 2)],
        "chin_lead": [c(.headX, 0.02, 1, 2), c(.headPitch, 15, 1, 2)],
        "groovy_sway_and_roll": [c(.headY, 0.03, 1, 2), c(.headRoll, 15, 1, 2)],
        "chicken_peck": [c(.headX, 0.02, 1), c(.antennaRight, 30, 1), c(.antennaLeft, 30, 1)],
        "side_glance_flick": [c(.headYaw, 45, 1, 4)],
        "polyrhythm_combo": [c(.headY, 0.02, 1, 3), c(.headPitch, 10, 1, 2)],
        "grid_snap": [
            c(.headYaw, 20, 1, 4), c(.headPitch, 20, 1, 4), c(.antennaRight, 10, 1, 4),
            c(.antennaLeft, 10, 1, 4),
        ],
        "pendulum_swing": [c(.headRoll, 25, 1, 4)],
        "jackson_square": [c(.headY, 0.035, 1, 5), c(.headZ, 0.02, 1, 5), c(.headPitch, 20, 1, 5)],
    ]
}
