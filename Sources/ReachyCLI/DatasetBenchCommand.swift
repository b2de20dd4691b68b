import ArgumentParser
import ReachyBenchmarks

/// `reachy bench datasets`: the recorded-move loader (find, index, load) on a generated dataset.
struct DatasetBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "Benchmark the recorded-move loader: find and index a dataset in the Hugging Face cache, load moves.")

    @Option(help: "Moves in the generated dataset.")
    var moves: Int = 100
    @Option(help: "Seconds of each move (100 samples a second).")
    var seconds: Double = 4
    @Option(help: "Runs (the median is reported).")
    var runs: Int = 5

    func validate() throws {
        guard moves > 0, runs > 0, seconds > 0, seconds <= 600 else {
            throw ValidationError("--moves and --runs must be positive, --seconds between 0 and 600.")
        }
    }

    func run() throws {
        for result in try DatasetBenchmarks.run(moves: moves, seconds: seconds, runs: runs) { print(result) }
    }
}
