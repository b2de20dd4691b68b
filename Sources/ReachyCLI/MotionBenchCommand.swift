import ArgumentParser
import ReachyBenchmarks
import ReachyMotion

/// `reachy bench motion`: IK/FK timings (build with `-c release` for meaningful numbers).
struct MotionBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motion",
        abstract:
            "Benchmark the kinematics: IK, FK (warm and cold), the safe path per target, the loop's limit stage per tick."
    )

    @Option(help: "Operations per run.")
    var operations: Int = 200_000
    @Option(help: "Runs (the median is reported).")
    var runs: Int = 5

    func validate() throws {
        guard operations > 0, runs > 0 else { throw ValidationError("--operations and --runs must be positive.") }
    }

    func run() {
        for result in MotionBenchmarks.run(operations: operations, runs: runs) {
            print(result)
        }
    }
}

/// `reachy bench`: the benchmark suites.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run benchmarks (use a release build: swift build -c release).",
        subcommands: [
            BenchAllCommand.self, MotionBenchCommand.self, LoopBenchCommand.self, BopBenchCommand.self,
            PicturesBenchCommand.self, DaemonBenchCommand.self, ServiceBenchCommand.self, PlaygroundBenchCommand.self,
            SoakBenchCommand.self, AbuseBenchCommand.self, BusNoiseBenchCommand.self, FleetBenchCommand.self,
            DatasetBenchCommand.self,
        ],
        defaultSubcommand: BenchAllCommand.self)
}
