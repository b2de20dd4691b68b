import Foundation
import ReachyMotion
import Testing

@testable import Bop

/// Bop's dances are the catalogue's: its names and beats, and lanes that agree with the real motion.
@Suite struct DanceLaneTests {
    static let catalogue = (try? DanceCatalog.all()) ?? []

    @Test func theDancesAreTheCatalogues() {
        #expect(Self.catalogue.count == 20)
        #expect(Dances.names == Self.catalogue.map(\.name).sorted())
        for info in Self.catalogue {
            #expect(Dances.beats(of: info.name) == Int64(info.beats.rounded()), "\(info.name)")
            #expect(Dances.all[info.name]?.components.isEmpty == false, "\(info.name) has no lanes")
        }
        #expect(Dances.beats(of: "moonwalk") == nil)
    }

    /// The exact `DanceMove` sampled finely over one round (401 samples, independent of the lanes' own sampling):
    /// each axis's values, degrees or meters.
    static func series(_ name: String) throws -> [Axis: [Double]] {
        let move = try DanceMove(name)
        var series: [Axis: [Double]] = [:]
        for i in 0...400 {
            for (axis, value) in Sampler.offsets(move.offsets(at: move.duration * Double(i) / 400)) {
                series[axis, default: []].append(value)
            }
        }
        return series
    }

    static func peak(_ values: [Double]) -> Double { values.map(abs).max() ?? 0 }

    /// Whether the dance really moves an axis (more than 1 mm or 1°).
    static func moves(_ axis: Axis, _ values: [Double]) -> Bool {
        peak(values) > (axis.isPosition ? 0.001 : 1.0)
    }

    /// Every axis the dance moves has a lane and every lane is an axis the dance moves, so `together` sees every
    /// body part a dance uses (the old hand table left out the antenna wiggle of 13 dances).
    @Test(arguments: DanceLaneTests.catalogue)
    func lanesAreExactlyTheAxesTheDanceMoves(info: DanceInfo) throws {
        let series = try Self.series(info.name)
        let drawn = Set(try #require(Dances.all[info.name]).components.map(\.axis))
        let moved = Set(Axis.allCases.filter { Self.moves($0, series[$0] ?? []) })
        #expect(drawn == moved, "\(info.name)")
    }

    /// Each lane swings between the dance's extremes on that axis (within 2 % of its swing), towards the side the
    /// dance first leaves its starting value for.
    @Test(arguments: DanceLaneTests.catalogue)
    func lanesSwingAsFarAsTheDance(info: DanceInfo) throws {
        let series = try Self.series(info.name)
        for lane in try #require(Dances.all[info.name]).components {
            let values = series[lane.axis] ?? []
            let low = try #require(values.min())
            let high = try #require(values.max())
            let tolerance = 0.02 * (high - low)
            #expect(abs(min(lane.first, lane.second) - low) <= tolerance, "\(info.name) \(lane.axis) low")
            #expect(abs(max(lane.first, lane.second) - high) <= tolerance, "\(info.name) \(lane.axis) high")
            let departure = try #require(values.first { abs($0 - values[0]) > (high - low) / 3 })
            #expect(
                (departure < values[0]) == (lane.first < lane.second),
                "\(info.name) \(lane.axis) goes the other way first")
        }
    }

    /// A lane's rate is the one that fits the motion best: a sine at that many cycles per round correlates with the
    /// axis's motion at least as well as one at half or double the rate (a counter that was off by a factor of two
    /// fails this).
    @Test(arguments: DanceLaneTests.catalogue)
    func lanesSwingAtTheDancesRate(info: DanceInfo) throws {
        let series = try Self.series(info.name)
        let beats = Double(try #require(Dances.beats(of: info.name)))
        for lane in try #require(Dances.all[info.name]).components {
            let values = series[lane.axis] ?? []
            let cycles = lane.cyclesPerBeat.doubleValue * beats
            let fit = Self.fit(values, cycles: cycles)
            #expect(fit >= Self.fit(values, cycles: cycles * 2) - 0.05, "\(info.name) \(lane.axis) ×2 fits better")
            if cycles >= 2 {
                #expect(fit >= Self.fit(values, cycles: cycles / 2) - 0.05, "\(info.name) \(lane.axis) ÷2 fits better")
            }
        }
    }

    /// Where the catalogue gives one rate for the dance, some lane swings at it; `polyrhythm_combo` has its two.
    @Test(arguments: DanceLaneTests.catalogue)
    func aLaneKeepsTheCataloguesRate(info: DanceInfo) throws {
        guard case .number(let rate)? = info.parameters["subcycles_per_beat"] else { return }
        let lanes = try #require(Dances.all[info.name]).components
        let rates = Set(lanes.map(\.cyclesPerBeat.doubleValue))
        #expect(rates.contains(rate), "\(info.name): \(rates) lacks the catalogue's \(rate)")
        if info.name == "polyrhythm_combo" {
            let head = lanes.filter { $0.axis == .headY || $0.axis == .headPitch }
            #expect(Set(head.map(\.cyclesPerBeat)) == [Rational(1, 3), Rational(1, 2)])
        }
    }

    /// The best absolute correlation of `values` with a sine of `cycles` per round over a few phases.
    static func fit(_ values: [Double], cycles: Double) -> Double {
        let n = Double(values.count - 1)
        let mean = values.reduce(0, +) / Double(values.count)
        let centred = values.map { $0 - mean }
        let norm = centred.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return 0 }
        var best = 0.0
        for step in 0..<16 {
            let phase = Double(step) / 16 * 2 * .pi
            let wave = (0..<values.count).map { sin(2 * .pi * cycles * Double($0) / n + phase) }
            let waveNorm = wave.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let dot = zip(centred, wave).reduce(0) { $0 + $1.0 * $1.1 }
            best = max(best, abs(dot) / (norm * waveNorm))
        }
        return best
    }
}
