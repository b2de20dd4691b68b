import ArgumentParser
import Foundation
import ReachyBenchmarks
import ReachyRemote

/// `reachy bench daemon --daemon URL` — the daemon backend's stream rate and goal round-trip latency.
struct DaemonBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Benchmark the daemon backend: joint_positions stream rate, and goal → seen round trips (p50/p99).",
        discussion: "Moves the antennas by ±0.1 rad around where they are. Use a daemon whose robot is awake.")

    @Option(
        name: .long,
        help: ArgumentHelp("The daemon to measure (e.g. \(DaemonEndpoint.wireless)).", valueName: "url"))
    var daemon: String

    @Option(name: .long, help: "How many goal round trips to time.")
    var roundTrips: Int = 100

    @Flag(name: .long, help: "Print the result as one JSON object (keys: the Result fields, milliseconds).")
    var json = false

    func validate() throws {
        if roundTrips < 1 || roundTrips > 100_000 {
            throw ValidationError("--round-trips must be between 1 and 100000 (you gave \(roundTrips)).")
        }
        do { _ = try DaemonEndpoint(daemon) } catch { throw ValidationError(error.description) }
    }

    func run() async throws {
        let results: [BenchmarkResult]
        do {
            results = try await DaemonBenchmark.run(try DaemonEndpoint(daemon), roundTrips: roundTrips)
        } catch {
            throw CLIError(error.description)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            for result in results { print(result) }
        }
    }
}
