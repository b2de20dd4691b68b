import ArgumentParser
import Foundation
import ReachyBenchmarks
import ReachyService

/// `reachy bench abuse` — `reachy serve --sim` under issue 13's hostile traffic; what an honest client sees meanwhile.
struct AbuseBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abuse",
        abstract: "Run `reachy serve --sim` under hostile traffic and report what an honest client sees meanwhile.",
        discussion: """
            Spawns this same reachy binary as `reachy serve --sim` on a free loopback port with --clients honest \
            /ws/sdk clients streaming all along. After a calm phase it sends, for --seconds: Bop programs written to \
            exhaust the compiler (2^30 expanding moves, 40,000-term math, 10^9 nods, 250 KB) to /api/bop/check and \
            /api/bop/run, malformed HTTP (raw bytes, an unknown method, a 100 KB header, 2,000 headers), cross-site \
            requests (evil Origin, DNS-rebinding Host), absurd goto targets (body yaw 1e308, reflection and non-rigid \
            matrices), and --slowloris connections that never finish their request; then a calm phase again. \
            It prints, per phase, the latency of GET /api/daemon/status (p50, p99), the telemetry rate per client and \
            the server's resident memory; how each kind of abuse was answered; how many slowloris connections the \
            server closed; and whether it survived.

            Exit status: 0 the server survived; 1 it died or could not start (the message says why).
            """)

    @Option(help: "Seconds of abuse (a calm 10 s phase comes before and after).")
    var seconds = 60.0

    @Option(help: "Honest WebSocket clients streaming /ws/sdk all along.")
    var clients = 4

    @Option(help: "Slowloris connections (a header line every 5 s, never finished) held during the abuse.")
    var slowloris = 200

    func validate() throws {
        guard seconds.isFinite, seconds >= 5, seconds <= 3600 else {
            throw ValidationError("--seconds must be between 5 and 3600.")
        }
        guard (0...100).contains(clients) else { throw ValidationError("--clients must be between 0 and 100.") }
        guard (0...2000).contains(slowloris) else {
            throw ValidationError("--slowloris must be between 0 and 2000.")
        }
    }

    func run() async throws {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let reachy = Bundle.main.executableURL ?? me
        var plan = AbuseBenchmark.Plan(seconds: seconds)
        plan.clients = clients
        plan.slowloris = slowloris
        let report: AbuseBenchmark.Report
        do {
            report = try await AbuseBenchmark.run(reachy: reachy, plan: plan) { Progress.say($0) }
        } catch {
            throw CLIError(String(describing: error))
        }
        print(report)
        if !report.survived { throw ExitCode(1) }
    }
}
