import Foundation
import ReachyMotion
import ReachyTestSupport

/// Locates and decodes the committed reference data next to this file.
enum TestData {
    static let directory = RepositoryPaths.recordings
    static let repositoryRoot = RepositoryPaths.root

    static func load<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
    }
}

/// A deterministic random generator (SplitMix64) so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A sample frame as stored by the generator.
struct ReferenceFrame: Decodable {
    var t: Double
    var head: [Double]
    var antennas: [Double]
    var body_yaw: Double
}

func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// Largest difference between a frame and a reference frame (head elements, antennas, body yaw).
func frameDifference(_ f: MoveFrame, _ r: ReferenceFrame) -> Double {
    max(
        maxAbsDifference(f.head.rowMajor, r.head), maxAbsDifference(f.antennas.values, r.antennas),
        abs(f.bodyYaw - r.body_yaw))
}
