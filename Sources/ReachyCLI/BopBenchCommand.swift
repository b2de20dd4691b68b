public import ArgumentParser
import Bop
import ReachyBenchmarks

/// `reachy bench bop` — times the Bop compiler and evaluator (use a release build).
public struct BopBenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bop",
        abstract: "Benchmark Bop: a 10,000-line program to a timeline, and a 10-minute dance (build with -c release).")

    @Option(name: .long, help: "How many times to run each benchmark (the median and the best are reported).")
    var runs: Int = 7

    public init() {}

    public func validate() throws {
        if runs < 1 || runs > 1000 { throw ValidationError("--runs must be between 1 and 1000 (you gave \(runs)).") }
    }

    public func run() throws {
        for result in BopBenchmarks.run(runs: runs) { print(result) }
    }
}
