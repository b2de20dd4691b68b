import ArgumentParser
import Foundation
import ReachyBenchmarks
import ReachyService

/// `reachy bench service` — times `reachy serve --sim` (and the official daemon when REACHY_DAEMON_PYTHON is set).
struct ServiceBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Benchmark `reachy serve --sim`: start → ready, memory, /ws/sdk rate with 10 clients, "
            + "/api/state/full latency (build with -c release).",
        discussion: """
            Spawns this same reachy binary. With REACHY_DAEMON_PYTHON set to the official venv's python, also \
            times `reachy-mini-daemon --mockup-sim --no-media` start → ready and its memory, for comparison.
            """)

    @Option(help: "WebSocket clients streaming /ws/sdk at once.")
    var clients = 10

    @Option(help: "Seconds the clients stream.")
    var seconds = 4.0

    func validate() throws {
        guard (1...100).contains(clients) else { throw ValidationError("--clients must be between 1 and 100.") }
        guard seconds >= 1, seconds <= 60 else { throw ValidationError("--seconds must be between 1 and 60.") }
    }

    func run() async throws {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let reachy = Bundle.main.executableURL ?? me
        let python = ProcessInfo.processInfo.environment["REACHY_DAEMON_PYTHON"].map { URL(fileURLWithPath: $0) }
        do {
            for result in try await ServiceBenchmarks.run(
                reachy: reachy, python: python, clients: clients, seconds: seconds)
            {
                print(result)
            }
        } catch {
            throw CLIError(String(describing: error))
        }
    }
}
