import ArgumentParser
import ReachyBenchmarks
import ReachyBridge

/// `reachy bench bus-noise`: startup success and goal writes kept at several byte-loss rates.
struct BusNoiseBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bus-noise",
        abstract: "Measure the servo bus under byte loss: startups that succeed, goal writes the loop keeps.",
        discussion: "On the in-process simulator with seeded faults, so the numbers are the same on every run: for "
            + "each loss rate, the startup sequence once per seed, then the loop's per-tick reads and goal writes "
            + "at 100 Hz on a simulated 1 Mbps wire (a tick overrun by a slow read is skipped).")

    @Option(parsing: .upToNextOption, help: "Byte-loss rates to measure, in percent.")
    var loss: [Double] = [0, 1, 2, 5, 10]
    @Option(help: "Startups per rate (seeds 1…N).")
    var seeds: Int = 10
    @Option(help: "Loop ticks per rate.")
    var ticks: Int = 2_000

    func validate() throws {
        guard loss.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 50 }) else {
            throw ValidationError("--loss must be between 0 and 50 (percent).")
        }
        guard (1...1000).contains(seeds) else { throw ValidationError("--seeds must be between 1 and 1000.") }
        guard (1...1_000_000).contains(ticks) else { throw ValidationError("--ticks must be between 1 and 1000000.") }
    }

    func run() throws {
        for row in BusNoiseBenchmark.run(lossRates: loss.map { $0 / 100 }, seeds: seeds, ticks: ticks) {
            print(row)
        }
    }
}
