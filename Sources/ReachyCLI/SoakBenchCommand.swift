import ArgumentParser
import Foundation
import ReachyBenchmarks
import ReachyService

/// `reachy bench soak` — `reachy serve --sim` in real time for N minutes under load; memory, lateness, survival.
struct SoakBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Run `reachy serve --sim` for N minutes under load and report memory, loop lateness and survival.",
        discussion: """
            Spawns this same reachy binary as `reachy serve --sim` on a free loopback port, connects --clients \
            /ws/sdk WebSocket clients for the whole run, starts a Bop program every 30 s and recites the digest \
            --digest at a third and at two thirds of the run (Bop runs during a recital are refused and counted). Once \
            a minute it reads GET /api/loop/statistics and prints resident memory, the control loop's lateness p99 \
            over that minute, ticks and missed ticks, the deepest stack a tick used, and the stream rate per client. \
            The report ends with whether the server survived, the memory at start and end, what each recital left \
            behind (memory before it and after it), and the memory's slope after warm-up within the stretches \
            between recitals (a recital holds its rendered speech while it plays). Measure debug and release \
            builds: `make demo` runs the debug one.

            Exit status: 0 the server survived; 1 it died or could not start (the message says why).
            """)

    @Option(help: "Minutes of real time to run (60 for the figures in the notes).")
    var minutes = 60.0

    @Option(help: "WebSocket clients streaming /ws/sdk for the whole run.")
    var clients = 10

    @Option(
        help: ArgumentHelp("The digest to recite twice during the run (none: no recital).", valueName: "digest.md"))
    var digest = "examples/news/digest-2025-12-21.md"

    func validate() throws {
        guard minutes.isFinite, minutes >= 1, minutes <= 24 * 60 else {
            throw ValidationError("--minutes must be between 1 and 1440.")
        }
        guard (0...100).contains(clients) else { throw ValidationError("--clients must be between 0 and 100.") }
    }

    func run() async throws {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let reachy = Bundle.main.executableURL ?? me
        var text: String?
        if digest != "none" {
            do {
                text = try String(contentsOfFile: digest, encoding: .utf8)
            } catch {
                throw CLIError(
                    "Could not read the digest \(digest): \(error.localizedDescription). Run from the repository, pass "
                        + "--digest PATH, or --digest none for no recital.")
            }
        }
        var plan = SoakBenchmark.Plan(minutes: minutes, digest: text)
        plan.clients = clients
        let report: SoakBenchmark.Report
        do {
            report = try await SoakBenchmark.run(reachy: reachy, plan: plan) { Progress.say($0) }
        } catch {
            throw CLIError(String(describing: error))
        }
        print(report)
        if !report.survived { throw ExitCode(1) }
    }
}
