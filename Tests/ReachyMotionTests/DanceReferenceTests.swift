import Foundation
import Testing

@testable import ReachyMotion

struct DanceReference: Decodable {
    struct Case: Decodable {
        var name: String
        var bpm: Double
        var duration: Double
        var samples: [ReferenceFrame]
    }
    var cases: [Case]
}

@Suite("Dances against reachy_mini_dances_library 0.2.1")
struct DanceReferenceTests {
    static let reference: DanceReference? = try? TestData.load(DanceReference.self, "dances_reference.json")

    static let names = [
        "simple_nod", "head_tilt_roll", "side_to_side_sway", "dizzy_spin", "stumble_and_recover", "headbanger_combo",
        "interwoven_spirals", "sharp_side_tilt", "side_peekaboo", "yeah_nod", "uh_huh_tilt", "neck_recoil",
        "chin_lead", "groovy_sway_and_roll", "chicken_peck", "side_glance_flick", "polyrhythm_combo", "grid_snap",
        "pendulum_swing", "jackson_square",
    ]

    @Test("the catalogue has the 20 official dances in order")
    func catalogue() throws {
        #expect(try DanceCatalog.all().map(\.name) == Self.names)
        #expect(try DanceCatalog.info(named: "side_peekaboo").beats == 10)
    }

    @Test("every dance matches the library at default, slower and faster tempo", arguments: names)
    func danceMatches(name: String) throws {
        let reference = try #require(Self.reference)
        let cases = reference.cases.filter { $0.name == name }
        #expect(cases.count == 3)
        for c in cases {
            let dance = try DanceMove(name, bpm: c.bpm)
            #expect(abs(dance.duration - c.duration) < 1e-12)
            for s in c.samples {
                let d = frameDifference(dance.evaluate(s.t), s)
                #expect(d < 1e-6, "\(name) @\(c.bpm) BPM t=\(s.t): off by \(d)")
            }
        }
    }

    @Test("tempo changes the duration; overrides change the motion")
    func tempoAndOverrides() throws {
        var nod = try DanceMove("simple_nod")
        #expect(abs(nod.duration - 4 * 60 / 114) < 1e-12)
        try nod.setTempo(60)
        #expect(abs(nod.duration - 4) < 1e-12)
        #expect(throws: DanceError.invalidTempo(0)) { try nod.setTempo(0) }
        // A quarter beat into a 1-cycle-per-beat sine nod, the pitch peaks at the amplitude.
        let big = try DanceMove("simple_nod", bpm: 60, overrides: ["amplitude_rad": .number(0.3)])
        #expect(abs(big.offsets(at: 0.25).orientation.pitch - 0.3) < 1e-12)
        let both = try DanceMove("simple_nod", overrides: ["antenna_move_name": .text("both")])
        let a = both.offsets(at: 0.1).antennas
        #expect(a.left == a.right && a.left != 0)
    }

    @Test("unknown dances, parameters and values are typed errors with helpful text")
    func errors() {
        do {
            _ = try DanceMove("moonwalk")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description.hasPrefix("Unknown dance \"moonwalk\". Available dances: simple_nod, head_tilt_roll"))
        }
        #expect(throws: DanceError.self) { try DanceMove("simple_nod", overrides: ["speed": .number(2)]) }
        #expect(throws: DanceError.self) { try DanceMove("simple_nod", overrides: ["waveform": .text("zigzag")]) }
        #expect(throws: DanceError.self) { try DanceMove("simple_nod", overrides: ["amplitude_rad": .text("big")]) }
        #expect(throws: DanceError.invalidTempo(-1)) { try DanceMove("simple_nod", bpm: -1) }
    }
}
