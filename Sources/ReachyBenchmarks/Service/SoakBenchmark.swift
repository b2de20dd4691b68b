public import Foundation
import ReachyBridge
import ReachyService

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `reachy bench soak`: `reachy serve --sim` (spawned) in real time for N minutes under a steady load — WebSocket
/// clients streaming `/ws/sdk`, a Bop program started every 30 s, a news recital at a third and at two thirds — sampled once a
/// minute through `GET /api/loop/statistics`: resident memory and its slope, control-loop lateness p99 per minute,
/// missed ticks, the deepest stack a tick used, and whether the server survived.
public enum SoakBenchmark {
    /// What was asked for.
    public struct Plan: Sendable {
        /// Minutes of real time.
        public var minutes: Double
        /// `/ws/sdk` clients streaming the whole time.
        public var clients = 10
        /// Seconds between two Bop runs.
        public var bopInterval = 30.0
        /// The digest recited at a third and at two thirds of the run (nil: no recital).
        public var digest: String?
        /// Seconds between two samples (60: one per minute).
        public var sampleInterval = 60.0

        /// A plan of `minutes` with the default load.
        public init(minutes: Double, digest: String?) {
            self.minutes = minutes
            self.digest = digest
        }
    }

    /// One sample (one minute).
    public struct Sample: Sendable {
        /// Minutes since the server was ready.
        public var minute: Double
        /// Resident memory, KiB.
        public var residentKiB: Int
        /// Control-loop lateness p99 over the minute, µs.
        public var latenessP99Microseconds: Double
        /// Ticks in the minute, and deadlines missed in it.
        public var ticks: UInt64
        public var missedTicks: UInt64
        /// The deepest stack any tick has used so far, bytes.
        public var deepestTickStackBytes: Int
        /// `/ws/sdk` joint_positions messages per second per client over the minute (mean of the clients).
        public var streamRate: Double
        /// Whether a recital was playing when the sample was taken.
        public var reciting = false
    }

    /// The outcome.
    public struct Report: Sendable, CustomStringConvertible {
        public var plan: Plan
        public var samples: [Sample] = []
        /// Whether the server was alive and ticking at the end.
        public var survived = false
        /// Why not, when it died.
        public var death: String?
        public var bopRunsStarted = 0
        public var bopRunsRefused = 0
        /// Each recital: when it started and how long it took (nil: not finished), minutes.
        public var recitals: [(start: Double, minutes: Double?)] = []
        /// Recitals the server refused or that could not be asked for: when, and the answer.
        public var recitalFailures: [String] = []

        /// Resident memory growth after warm-up (the first fifth of the run, at least one minute), KiB per minute,
        /// while no recital plays: the least-squares slope within each stretch of samples between recitals (each
        /// stretch with its own level), so what a recital leaves behind counts as its step, not as a slope.
        public var residentSlopeKiBPerMinute: Double? {
            let from = max(1, plan.minutes / 5)
            var stretches: [[Sample]] = [[]]
            for sample in samples where sample.minute >= from - 1e-9 {
                if sample.reciting {
                    if !(stretches.last?.isEmpty ?? true) { stretches.append([]) }
                } else {
                    stretches[stretches.count - 1].append(sample)
                }
            }
            var sxy = 0.0
            var sxx = 0.0
            for stretch in stretches where stretch.count >= 2 {
                let mx = stretch.map(\.minute).reduce(0, +) / Double(stretch.count)
                let my = stretch.map { Double($0.residentKiB) }.reduce(0, +) / Double(stretch.count)
                for sample in stretch {
                    sxy += (sample.minute - mx) * (Double(sample.residentKiB) - my)
                    sxx += (sample.minute - mx) * (sample.minute - mx)
                }
            }
            return sxx > 0 ? sxy / sxx : nil
        }

        public var description: String {
            var lines = [
                "soak: reachy serve --sim, \(String(format: "%.0f", plan.minutes)) min, \(plan.clients) /ws/sdk clients, "
                    + "a Bop run every \(Int(plan.bopInterval)) s" + (plan.digest == nil ? "" : ", two recitals")
            ]
            lines.append("minute  RSS MiB  lateness p99 µs  ticks  missed  stack B  ws Hz/client")
            for s in samples {
                lines.append(
                    String(
                        format: "%6.1f  %7.1f  %15.0f  %5d  %6d  %7d  %12.1f", s.minute, Double(s.residentKiB) / 1024,
                        s.latenessP99Microseconds, s.ticks, s.missedTicks, s.deepestTickStackBytes, s.streamRate))
            }
            lines.append("survived: \(survived ? "yes" : "no")" + (death.map { " (\($0))" } ?? ""))
            if let first = samples.first, let last = samples.last {
                lines.append(
                    String(
                        format: "RSS: %.1f MiB at start, %.1f MiB at the end", Double(first.residentKiB) / 1024,
                        Double(last.residentKiB) / 1024))
            }
            if let slope = residentSlopeKiBPerMinute {
                lines.append(String(format: "RSS slope after warm-up, between recitals: %.1f KiB/min", slope))
            }
            let p99s = samples.map(\.latenessP99Microseconds)
            if let low = p99s.min(), let high = p99s.max() {
                lines.append(String(format: "lateness p99 per minute: %.0f–%.0f µs", low, high))
            }
            lines.append("ticks missed: \(samples.reduce(0) { $0 + $1.missedTicks })")
            lines.append(
                "Bop runs: \(bopRunsStarted) started, \(bopRunsRefused) refused (a recital or an earlier run was playing)"
            )
            for (k, recital) in recitals.enumerated() {
                let before = samples.last { $0.minute < recital.start && !$0.reciting }?.residentKiB
                let after = recital.minutes.flatMap { m in
                    samples.first { $0.minute >= recital.start + m && !$0.reciting }?.residentKiB
                }
                var line = String(format: "recital %d: started at %.1f min, ", k + 1, recital.start)
                line += recital.minutes.map { String(format: "finished after %.1f min", $0) } ?? "not finished"
                if let before, let after {
                    line += String(format: "; RSS %.1f → %.1f MiB", Double(before) / 1024, Double(after) / 1024)
                }
                lines.append(line)
            }
            for failure in recitalFailures { lines.append("recital NOT started: \(failure)") }
            return lines.joined(separator: "\n")
        }
    }

    /// Runs the soak: `reachy` is the binary to spawn; `progress` receives a line per sample.
    public static func run(
        reachy: URL, plan: Plan, progress: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> Report {
        var report = Report(plan: plan)
        let (server, port) = try await ServiceBenchmarks.startSimulator(reachy)
        defer { ServiceBenchmarks.stop(server) }
        let base = "http://127.0.0.1:\(port)"
        let total = plan.minutes * 60
        let counters = (0..<plan.clients).map { _ in ServiceBenchmarks.Counter() }
        let streams = counters.map { counter in
            Task { try? await ServiceBenchmarks.count(port: port, seconds: total + 5, into: counter) }
        }
        defer { for stream in streams { stream.cancel() } }

        let start = ContinuousClock.now
        func elapsed() -> Double { ServiceBenchmarks.elapsed(since: start) }
        var previous = try await statistics(base)
        var previousStreams = counters.map(\.snapshot.joints)
        var previousTime = 0.0
        var nextSample = plan.sampleInterval
        var nextBop = 0.0
        var recitalTimes = plan.digest == nil ? [] : [total / 3, 2 * total / 3]
        var recital: (uuid: String, started: Double)?
        var done = false
        while !done {
            done = elapsed() >= total
            guard server.isRunning else {
                report.death = "the server exited with status \(server.terminationStatus) after \(Int(elapsed())) s"
                return report
            }
            let now = elapsed()
            if let at = recitalTimes.first, now >= at, recital == nil, !done, let digest = plan.digest {
                recitalTimes.removeFirst()
                _ = try? await post(base + "/api/bop/stop", body: "{}", type: "application/json")
                try? await Task.sleep(for: .milliseconds(200))
                let answer = try? await post(base + "/api/news/recite", body: digest)
                if let (status, body) = answer, status == 200, let uuid = field("uuid", in: body) {
                    report.recitals.append((now / 60, nil))
                    recital = (uuid, now)
                    progress(String(format: "%.1f min: recital started", now / 60))
                } else {
                    // A soak without its recitals measures less than it says: the report must show it.
                    let why = answer.map { "HTTP \($0.0): \($0.1.prefix(300))" } ?? "no answer from the server"
                    let failure = String(format: "at %.1f min, ", now / 60) + why
                    report.recitalFailures.append(failure)
                    progress("recital NOT started: " + failure)
                }
            }
            if let running = recital, let list = try? await ServiceBenchmarks.get(base + "/api/move/running"),
                !(String(data: list, encoding: .utf8) ?? "").contains(running.uuid)
            {
                report.recitals[report.recitals.count - 1].minutes = (now - running.started) / 60
                progress(String(format: "%.1f min: recital finished", now / 60))
                recital = nil
            }
            if now >= nextBop, !done {
                nextBop += plan.bopInterval
                if let (status, _) = try? await post(base + "/api/bop/run", body: bopRequest, type: "application/json"),
                    status == 200
                {
                    report.bopRunsStarted += 1
                } else {
                    report.bopRunsRefused += 1
                }
            }
            if now >= nextSample || (done && now - previousTime >= plan.sampleInterval / 2) {
                nextSample += plan.sampleInterval
                let current = try await statistics(base)
                let joints = counters.map(\.snapshot.joints)
                let window = now - previousTime
                let rates = zip(previousStreams, joints).map { Double($1 - $0) / max(window, 1e-3) }
                let sample = Sample(
                    minute: now / 60, residentKiB: current.resident_memory_kib ?? 0,
                    latenessP99Microseconds: Double(
                        LatenessStatistics(bucketCounts: current.lateness_histogram)
                            .since(LatenessStatistics(bucketCounts: previous.lateness_histogram)).percentile(0.99))
                        / 1000,
                    ticks: current.ticks &- previous.ticks, missedTicks: current.missed_ticks &- previous.missed_ticks,
                    deepestTickStackBytes: current.deepest_tick_stack_bytes,
                    streamRate: rates.reduce(0, +) / Double(max(1, rates.count)), reciting: recital != nil)
                report.samples.append(sample)
                progress(
                    String(
                        format:
                            "%.1f min: RSS %.1f MiB, lateness p99 %.0f µs, %d ticks, %d missed, stack %d B, %.1f Hz",
                        sample.minute, Double(sample.residentKiB) / 1024, sample.latenessP99Microseconds, sample.ticks,
                        sample.missedTicks, sample.deepestTickStackBytes, sample.streamRate))
                previous = current
                previousStreams = joints
                previousTime = now
            }
            if !done { try await Task.sleep(for: .milliseconds(250)) }
        }
        try await Task.sleep(for: .milliseconds(500))  // a few ticks after the last sample
        let last = try? await statistics(base)
        report.survived = server.isRunning && (last.map { $0.ticks > previous.ticks } ?? false)
        if !report.survived, report.death == nil {
            report.death = server.isRunning ? "the control loop stopped ticking" : "the server exited"
        }
        return report
    }

    /// A Bop program of about 20 s: moves, antennas, a dance, and a line to say.
    static let bopProgram = """
        nod twice
        look left 20
        look right 20
        look ahead
        wiggle antennas
        repeat 3 times
          tilt left 10
          tilt right 10
        end
        say "still going"
        """

    static var bopRequest: String {
        let encoded = (try? JSONEncoder().encode(["program": bopProgram])).flatMap { String(data: $0, encoding: .utf8) }
        return encoded ?? "{}"
    }

    static func statistics(_ base: String) async throws -> LoopStatisticsDTO {
        let data = try await ServiceBenchmarks.get(base + "/api/loop/statistics")
        return try JSONDecoder().decode(LoopStatisticsDTO.self, from: data)
    }

    static func post(_ url: String, body: String, type: String = "text/plain") async throws -> (Int, String) {
        guard let url = URL(string: url) else { throw ServiceBenchmarks.Failure(description: "bad URL \(url)") }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.timeoutInterval = 30
        request.setValue(type, forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(data: data, encoding: .utf8) ?? "")
    }

    static func field(_ name: String, in json: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return nil
        }
        return object[name] as? String
    }
}
