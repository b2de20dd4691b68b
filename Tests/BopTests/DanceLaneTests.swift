import ReachyMotion
import Testing

@testable import Bop

/// Bop's dances are the catalogue's: its names and beats, and a lane summary that agrees with the real motion.
@Suite struct DanceLaneTests {
    static let catalogue = (try? DanceCatalog.all()) ?? []

    @Test func theDancesAreTheCatalogues() {
        #expect(Self.catalogue.count == 20)
        #expect(Dances.names == Self.catalogue.map(\.name).sorted())
        #expect(Set(DanceLanes.table.keys) == Set(Self.catalogue.map(\.name)))
        for info in Self.catalogue {
            #expect(Dances.beats(of: info.name) == Int64(info.beats.rounded()), "\(info.name)")
        }
        #expect(Dances.beats(of: "moonwalk") == nil)
    }

    /// Each lane swings as often per beat as the catalogue says (where it gives one rate for the whole dance).
    @Test(arguments: DanceLaneTests.catalogue)
    func lanesSwingAtTheCataloguesRate(info: DanceInfo) throws {
        guard case .number(let rate)? = info.parameters["subcycles_per_beat"] else { return }
        let lanes = try #require(DanceLanes.table[info.name])
        #expect(!lanes.isEmpty)
        for lane in lanes {
            #expect(lane.cyclesPerBeat.doubleValue == rate, "\(info.name) \(lane.axis)")
        }
    }

    /// How far the exact `DanceMove` moves each axis over one round (degrees, meters).
    static func peaks(_ name: String) throws -> [Axis: Double] {
        let move = try DanceMove(name)
        var peak: [Axis: Double] = [:]
        for i in 0...400 {
            for (axis, value) in Sampler.offsets(move.offsets(at: move.duration * Double(i) / 400)) {
                peak[axis] = max(peak[axis] ?? 0, abs(value))
            }
        }
        return peak
    }

    /// Whether the dance really moves `axis` (more than 1 mm or 1°).
    static func moves(_ axis: Axis, _ peaks: [Axis: Double]) -> Bool {
        (peaks[axis] ?? 0) > (axis.isPosition ? 0.001 : 1.0)
    }

    /// A lane is drawn only for an axis the exact `DanceMove` really moves.
    @Test(arguments: DanceLaneTests.catalogue)
    func lanesAreAxesTheDanceMoves(info: DanceInfo) throws {
        let peaks = try Self.peaks(info.name)
        let drawn = try #require(DanceLanes.table[info.name]).map(\.axis)
        let check = { for axis in drawn { #expect(Self.moves(axis, peaks), "\(info.name) \(axis)") } }
        if info.name == "jackson_square" {
            // Its twitch is a head roll in the library, drawn as a pitch; changing it changes children's timelines.
            withKnownIssue("jackson_square's twitch lane is pitch, the dance rolls") { check() }
        } else {
            check()
        }
    }

    /// Dances whose lanes leave out an axis the dance moves (mostly the antenna wiggle every library dance has);
    /// the `together` check does not see those axes. Drawing them changes children's timelines and `together`
    /// errors, so it is left for a deliberate change.
    static let undrawn: Set<String> = [
        "side_to_side_sway", "dizzy_spin", "interwoven_spirals", "sharp_side_tilt", "uh_huh_tilt", "neck_recoil",
        "chin_lead", "groovy_sway_and_roll", "chicken_peck", "side_glance_flick", "polyrhythm_combo", "pendulum_swing",
        "jackson_square",
    ]

    /// Every axis the exact `DanceMove` moves has a lane (known exceptions above, recorded as known issues).
    @Test(arguments: DanceLaneTests.catalogue)
    func everyAxisTheDanceMovesIsDrawn(info: DanceInfo) throws {
        let peaks = try Self.peaks(info.name)
        let drawn = Set(try #require(DanceLanes.table[info.name]).map(\.axis))
        let check = {
            for axis in Axis.allCases where Self.moves(axis, peaks) {
                #expect(drawn.contains(axis), "\(info.name) moves \(axis) but has no lane")
            }
        }
        if Self.undrawn.contains(info.name) {
            withKnownIssue("\(info.name) moves axes its lanes do not draw") { check() }
        } else {
            check()
        }
    }
}
