public import ArgumentParser
import ReachyBenchmarks
import ReachySimulator

/// `reachy sim bench`: measure the simulator.
public struct SimBenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the simulator: in-process transactions per second, and pty round trips (median, p99)."
    )

    @Option(name: .long, help: "How many in-process transactions to time.")
    var transactions: Int = 20_000

    @Option(name: .long, help: "How many pty sync read + sync write round trips to time.")
    var roundTrips: Int = 2_000

    public init() {}

    public func validate() throws {
        guard transactions > 0, roundTrips > 0 else {
            throw ValidationError("--transactions and --round-trips must be positive.")
        }
    }

    public func run() throws {
        do {
            for result in try SimulatorBenchmarks.run(transactions: transactions, roundTrips: roundTrips) {
                print(result)
            }
        } catch let error as BenchmarkError {
            throw ValidationError("Benchmark failed: \(error.description)")
        }
    }
}
