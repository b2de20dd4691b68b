import ArgumentParser
import ReachyBenchmarks
import ReachyPictures

/// `reachy bench pictures`: HTML replay, timeline SVG and pose SVG timings and sizes (use a release build).
struct PicturesBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pictures",
        abstract: "Benchmark the pictures: a 10-minute recording to an HTML replay, timeline and pose SVGs.")

    @Option(help: "Runs of each benchmark (the median and the best are reported).")
    var runs: Int = 5

    func validate() throws {
        guard runs >= 1, runs <= 100 else { throw ValidationError("--runs must be between 1 and 100.") }
    }

    func run() {
        for result in PicturesBenchmarks.run(runs: runs) { print(result) }
    }
}
