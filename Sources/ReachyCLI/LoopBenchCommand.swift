import ArgumentParser
import ReachyBenchmarks
import ReachyBridge

/// `reachy bench loop`: control-loop lateness and bus time against the pty simulator.
struct LoopBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loop",
        abstract: "Benchmark the control loop (tick lateness p50/p99, bus time per tick) against the pty simulator.",
        discussion: "Starts a simulator on a pseudo-terminal in this process, opens it like a serial port, runs the "
            + "startup sequence and plays a dance at each rate.")

    @Option(parsing: .upToNextOption, help: "Loop rates to measure, ticks per second.")
    var rates: [Double] = [100, 200]
    @Option(help: "Seconds per rate.")
    var seconds: Double = 5

    func validate() throws {
        guard rates.allSatisfy({ $0.isFinite && $0 >= 10 && $0 <= 1000 }) else {
            throw ValidationError("--rates must be between 10 and 1000 ticks per second.")
        }
        guard seconds.isFinite, seconds >= 1, seconds <= 600 else {
            throw ValidationError("--seconds must be between 1 and 600.")
        }
    }

    func run() async throws {
        do {
            for result in try await LoopBenchmark.run(rates: rates, seconds: seconds) { print(result) }
        } catch {
            throw CLIError(String(describing: error))
        }
    }
}
