import ArgumentParser
import ReachyBenchmarks

/// `reachy bench fleet` — a classroom on this machine: start spread, command and stop latency, broker traffic, CPU.
struct FleetBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet",
        abstract: "Benchmark a classroom fleet: a mosquitto broker and N `reachy serve --sim --fleet` robots here.",
        discussion: """
            Needs mosquitto (make setup). Measures the spread of start instants of synchronised runs (each robot's \
            own clock), command → every robot accepted, command → every robot started, stop → every robot \
            stopped, the messages per second one teacher receives, and CPU per robot. On one machine every robot \
            shares one clock: across hosts add their NTP offsets (docs/classroom.md).
            """)

    @Option(help: "Simulated robots (separate processes).")
    var robots = 5

    @Option(help: "Synchronised starts to measure.")
    var rounds = 5

    func validate() throws {
        guard (1...30).contains(robots) else { throw ValidationError("--robots must be between 1 and 30.") }
        guard (1...50).contains(rounds) else { throw ValidationError("--rounds must be between 1 and 50.") }
    }

    func run() async throws {
        do {
            for result in try await FleetBenchmark.run(robots: robots, rounds: rounds) { print(result) }
        } catch {
            throw CLIError(String(describing: error))
        }
    }
}
