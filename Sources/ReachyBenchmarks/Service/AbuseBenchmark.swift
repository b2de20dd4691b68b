public import Foundation
import ReachyService
import ReachyTestSupport
import Synchronization

/// `reachy bench abuse`: `reachy serve --sim` (spawned) first calm, then under the hostile traffic of issue 13
/// (exhausting Bop programs, malformed and slowloris connections, cross-site requests, absurd targets), then calm
/// again — measuring what an honest client sees meanwhile: `/api/daemon/status` latency, the `/ws/sdk` telemetry
/// rate, resident memory, and whether the server survived.
public enum AbuseBenchmark {
    /// What was asked for.
    public struct Plan: Sendable {
        /// Seconds of abuse (the calm phases before and after last `calmSeconds` each).
        public var seconds: Double
        /// Seconds of each calm phase.
        public var calmSeconds = 10.0
        /// Honest `/ws/sdk` clients streaming all along.
        public var clients = 4
        /// Slowloris connections held during the abuse.
        public var slowloris = 200

        /// A plan with `seconds` of abuse.
        public init(seconds: Double) { self.seconds = seconds }
    }

    /// What an honest client saw during one phase.
    public struct Phase: Sendable {
        public var name: String
        /// `/api/daemon/status` latencies, ms (sorted); failures count separately.
        public var statusLatencies: [Double] = []
        public var statusFailures = 0
        /// `/ws/sdk` joint_positions per second per client (mean of the clients).
        public var streamRate = 0.0
        /// Resident memory at the end of the phase, MiB.
        public var residentMiB = 0.0
        /// Resident memory every 5 s during the phase, MiB.
        public var residentSamples: [Double] = []

        var p50: Double { ServiceBenchmarks.percentile(statusLatencies, 0.5) }
        var p99: Double { ServiceBenchmarks.percentile(statusLatencies, 0.99) }
    }

    /// The outcome.
    public struct Report: Sendable, CustomStringConvertible {
        public var plan: Plan
        public var residentAtStartMiB = 0.0
        public var phases: [Phase] = []
        /// Per kind of abuse: how many answers of each status (0: no answer, -1: closed without an answer, -2:
        /// neither answered nor closed within 5 s).
        public var answers: [String: [Int: Int]] = [:]
        /// Slowloris connections opened, and how many the server closed before the abuse ended.
        public var slowlorisOpened = 0
        public var slowlorisClosed = 0
        public var survived = false
        public var death: String?

        public var description: String {
            var lines = [
                "abuse: reachy serve --sim, \(Int(plan.calmSeconds)) s calm, \(Int(plan.seconds)) s of abuse, "
                    + "\(Int(plan.calmSeconds)) s calm; \(plan.clients) honest /ws/sdk clients",
                "phase     status p50 ms  status p99 ms  failures  ws Hz/client  RSS MiB",
            ]
            for p in phases {
                lines.append(
                    String(
                        format: "%-8@  %13.2f  %13.2f  %8d  %12.1f  %7.1f", p.name as NSString, p.p50, p.p99,
                        p.statusFailures, p.streamRate, p.residentMiB))
            }
            lines.append(String(format: "RSS at start: %.1f MiB", residentAtStartMiB))
            if let abuse = phases.first(where: { $0.name == "abuse" }), abuse.residentSamples.count >= 4 {
                let half = abuse.residentSamples.count / 2
                lines.append(
                    String(
                        format: "RSS during the abuse (every 5 s): highest %.1f MiB in the first half, %.1f MiB in "
                            + "the second", abuse.residentSamples[..<half].max() ?? 0,
                        abuse.residentSamples[half...].max() ?? 0))
            }
            for kind in HostileTraffic.Kind.allCases {
                let counts = answers[kind.rawValue] ?? [:]
                let text = counts.sorted { $0.key < $1.key }.map { status, n in
                    let label =
                        switch status {
                        case 0: "no answer"
                        case -1: "closed"
                        case -2: "left open"
                        default: String(status)
                        }
                    return "\(label) ×\(n)"
                }
                lines.append("\(kind.rawValue): " + (text.isEmpty ? "none sent" : text.joined(separator: ", ")))
            }
            lines.append("slowloris: \(slowlorisOpened) opened, \(slowlorisClosed) closed by the server")
            lines.append("survived: \(survived ? "yes" : "no")" + (death.map { " (\($0))" } ?? ""))
            return lines.joined(separator: "\n")
        }
    }

    /// Runs the benchmark: `reachy` is the binary to spawn; `progress` receives a line per phase.
    public static func run(
        reachy: URL, plan: Plan, progress: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> Report {
        var report = Report(plan: plan)
        let (server, port) = try await ServiceBenchmarks.startSimulator(reachy)
        defer { ServiceBenchmarks.stop(server) }
        report.residentAtStartMiB = ServiceBenchmarks.rss(server.processIdentifier)
        let counters = (0..<plan.clients).map { _ in ServiceBenchmarks.Counter() }
        let total = plan.seconds + 2 * plan.calmSeconds + 10
        let streams = counters.map { counter in
            Task { try? await ServiceBenchmarks.count(port: port, seconds: total, into: counter) }
        }
        defer { for stream in streams { stream.cancel() } }
        try await Task.sleep(for: .seconds(1))

        func measure(_ name: String, seconds: Double) async -> Phase {
            var phase = Phase(name: name)
            let before = counters.map(\.snapshot.joints)
            let start = ContinuousClock.now
            let end = start + .milliseconds(Int(seconds * 1000))
            while ContinuousClock.now < end {
                let t0 = ContinuousClock.now
                if Self.seconds(t0 - start) >= 5 * Double(phase.residentSamples.count) {
                    phase.residentSamples.append(ServiceBenchmarks.rss(server.processIdentifier))
                }
                if (try? await ServiceBenchmarks.get("http://127.0.0.1:\(port)/api/daemon/status")) != nil {
                    phase.statusLatencies.append(Self.seconds(ContinuousClock.now - t0) * 1000)
                } else {
                    phase.statusFailures += 1
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
            let window = Self.seconds(ContinuousClock.now - start)
            let rates = zip(before, counters.map(\.snapshot.joints)).map { Double($1 - $0) / window }
            phase.streamRate = ServiceBenchmarks.mean(rates)
            phase.statusLatencies.sort()
            phase.residentMiB = ServiceBenchmarks.rss(server.processIdentifier)
            progress(
                String(
                    format: "%@: status p99 %.2f ms, %d failures, %.1f Hz per client, RSS %.1f MiB", name as NSString,
                    phase.p99, phase.statusFailures, phase.streamRate, phase.residentMiB))
            return phase
        }

        report.phases.append(await measure("before", seconds: plan.calmSeconds))
        let tally = AbuseTally()
        let deadline = ContinuousClock.now + .milliseconds(Int(plan.seconds * 1000))
        let workers = HostileTraffic.Kind.allCases.map { kind in
            Task { await work(kind, port: port, until: deadline, tally: tally) }
        }
        let loris = Task {
            await HostileTraffic.slowloris(port: port, count: plan.slowloris, interval: 5, until: deadline)
        }
        report.phases.append(await measure("abuse", seconds: plan.seconds))
        for worker in workers { await worker.value }
        let held = await loris.value
        report.slowlorisOpened = held.opened
        report.slowlorisClosed = held.closedByServer
        report.answers = tally.snapshot
        report.phases.append(await measure("after", seconds: plan.calmSeconds))
        report.survived = server.isRunning
        if !server.isRunning {
            report.death = "the server exited with status \(server.terminationStatus)"
        }
        return report
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// Runs one worker of `kind` against 127.0.0.1:`port` until `deadline`, counting answers in `tally`.
    static func work(
        _ kind: HostileTraffic.Kind, port: Int, until deadline: ContinuousClock.Instant, tally: AbuseTally
    ) async {
        var turn = 0
        while ContinuousClock.now < deadline, !Task.isCancelled {
            for status in await HostileTraffic.attack(kind, turn: turn, port: port) { tally.count(kind, status) }
            turn += 1
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// How the abuse was answered, per kind and status (thread-safe).
final class AbuseTally: Sendable {
    private let counts = Mutex<[String: [Int: Int]]>([:])

    func count(_ kind: HostileTraffic.Kind, _ status: Int) {
        counts.withLock { $0[kind.rawValue, default: [:]][status, default: 0] += 1 }
    }

    var snapshot: [String: [Int: Int]] { counts.withLock { $0 } }
}
