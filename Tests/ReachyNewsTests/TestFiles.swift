import Foundation
import ReachyTestSupport

/// Locations of test data, found from this file's path.
enum TestFiles {
    static let repository = RepositoryPaths.root
    static let testsDirectory = repository.appendingPathComponent("Tests/ReachyNewsTests")
    static let sample = repository.appendingPathComponent("examples/news/digest-2025-12-21.md")
    static let malformed = testsDirectory.appendingPathComponent("Data/malformed")

    static func sampleText() throws -> String { try String(contentsOf: sample, encoding: .utf8) }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("news-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// SplitMix64: a small seeded generator so fuzz runs are reproducible.
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
