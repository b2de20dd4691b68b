import ArgumentParser
import Foundation
import ReachyBenchmarks
import ReachyNews

/// `reachy news bench FILE...`: time planning and synthesis.
struct NewsBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Benchmark: plan and synthesize digests (goals: ≤ 1 s in all, first audio < 200 ms). Use a release build."
    )

    @Argument(help: "Digest files to benchmark with.")
    var files: [String]

    @Option(name: .long, help: "Repeat the measurement this many times and report each run.")
    var runs: Int = 3

    func validate() throws {
        guard (1...100).contains(runs) else { throw ValidationError("--runs must be between 1 and 100 (got \(runs)).") }
    }

    func run() throws {
        let urls = files.map { URL(fileURLWithPath: $0) }
        for url in urls where !FileManager.default.isReadableFile(atPath: url.path) {
            throw NewsCLIError.unreadable(path: url.path, reason: "no such readable file")
        }
        for i in 1...runs {
            print("run \(i):")
            for result in try NewsBenchmarks.run(digests: urls) { print("  \(result)") }
        }
    }
}
