import Foundation
import ReachyFleet
import ReachyTestSupport

/// `reachy bench fleet`: a broker and N simulated robots, each its own `reachy serve --sim --fleet` process on this
/// machine, driven by a teacher: command → every robot accepted, command → every robot started (as soon as ready:
/// it includes the 1 s approach to the first pose), the spread of start instants for a synchronised start, stop
/// latency, the messages per second the broker delivers to one teacher, CPU per robot idle and playing.
public enum FleetBenchmark {
    /// A short silent program (about 3 s).
    static let program = "level 1\nlook left\nlook right\nnod\n"
    /// A long silent program, stopped by the benchmark.
    static let longProgram = "level 1\n" + String(repeating: "look left\nlook right\n", count: 30)

    /// Runs it with `robots` robots and `rounds` synchronised starts.
    /// - Throws: what starting the broker and the robots throws, ``FleetError``.
    public static func run(robots: Int, rounds: Int, lead: Double = 2) async throws -> [BenchmarkResult] {
        let joinStart = ContinuousClock.now
        let classroom = try FleetClassroom(robots: robots, classroom: "bench")
        defer { classroom.stop() }
        let joined = (ContinuousClock.now - joinStart).inSeconds
        let teacher = try FleetTeacher(
            broker: try BrokerAddress(parsing: classroom.broker.url), topics: try FleetTopics(classroom: "bench"),
            token: ClassToken(classroom.token), watchStates: true)
        try await teacher.connect()
        defer { teacher.disconnect() }
        let names = Set(classroom.names)
        guard await teacher.wait(timeout: .seconds(20), until: { names.isSubset(of: Set($0.online.map(\.name))) })
        else {
            return [BenchmarkResult(name: "fleet", figures: [], note: "not every robot came online", isValid: false)]
        }
        let pids = classroom.names.compactMap { classroom.process($0)?.processIdentifier }

        // Idle: the broker's traffic to one teacher, and each robot's CPU.
        let idle = try await measure(pids: pids, seconds: 3, teacher: teacher) {}

        // Synchronised starts.
        var spreads: [Double] = []
        var lateness: [Double] = []
        var accepted: [Double] = []
        var valid = true
        let playing = try await measure(pids: pids, seconds: nil, teacher: teacher) {
            for _ in 0..<rounds {
                let sent = WallClock.now()
                let instant = sent + lead
                guard let id = try? await teacher.send(.run, program: program, at: instant, to: .all) else {
                    valid = false
                    continue
                }
                let done = await teacher.wait(timeout: .seconds(lead + 20)) { snapshot in
                    names.isSubset(of: Set(snapshot.events(of: id).filter { $0.kind == .finished }.map(\.robot)))
                }
                let events = teacher.snapshot.events(of: id)
                let starts = events.filter { $0.kind == .started }.compactMap(\.startedAt)
                let accepts = events.filter { $0.kind == .accepted }.map { $0.time - sent }
                guard done, starts.count == names.count, let first = starts.min(), let last = starts.max() else {
                    valid = false
                    continue
                }
                spreads.append(last - first)
                lateness.append(last - instant)
                accepted.append(accepts.max() ?? 0)
            }
        }

        // As soon as ready (no start instant): command → every robot started.
        var asap: [Double] = []
        for _ in 0..<max(1, rounds / 2) {
            let sent = WallClock.now()
            guard let id = try? await teacher.send(.run, program: program, to: .all) else { continue }
            _ = await teacher.wait(timeout: .seconds(20)) { snapshot in
                names.isSubset(of: Set(snapshot.events(of: id).filter { $0.kind == .finished }.map(\.robot)))
            }
            let starts = teacher.snapshot.events(of: id).filter { $0.kind == .started }.compactMap(\.startedAt)
            if starts.count == names.count, let last = starts.max() { asap.append(last - sent) }
        }

        // Stop: a long program, then stop --all.
        var stops: [Double] = []
        if let run = try? await teacher.send(.run, program: longProgram, at: WallClock.now() + lead, to: .all) {
            _ = await teacher.wait(timeout: .seconds(lead + 15)) { snapshot in
                names.isSubset(of: Set(snapshot.events(of: run).filter { $0.kind == .started }.map(\.robot)))
            }
            try? await Task.sleep(for: .milliseconds(500))
            let sent = WallClock.now()
            if let stop = try? await teacher.send(.stop, to: .all) {
                _ = await teacher.wait(timeout: .seconds(5)) { snapshot in
                    names.isSubset(of: Set(snapshot.events(of: stop).filter { $0.kind == .done }.map(\.robot)))
                }
                stops = teacher.snapshot.events(of: stop).filter { $0.kind == .done }.map { $0.time - sent }
            }
        }

        let context = "\(robots) robots on this machine, \(ProcessInfo.processInfo.activeProcessorCount) cores"
        return [
            BenchmarkResult(
                name: "fleet start spread",
                figures: [
                    .init("median", median(spreads) * 1000, "ms"), .init("worst", (spreads.max() ?? 0) * 1000, "ms"),
                    .init("last after instant, worst", (lateness.max() ?? 0) * 1000, "ms"),
                ],
                note: "\(spreads.count) synchronised starts, \(context); target < 10 ms", isValid: valid),
            BenchmarkResult(
                name: "fleet command → all accepted",
                figures: [
                    .init("median", median(accepted) * 1000, "ms"), .init("worst", (accepted.max() ?? 0) * 1000, "ms"),
                ],
                note: "compiled and checked on every robot"),
            BenchmarkResult(
                name: "fleet command → all started",
                figures: [.init("median", median(asap) * 1000, "ms"), .init("worst", (asap.max() ?? 0) * 1000, "ms")],
                note: "no start instant: includes the 1 s move to the first pose"),
            BenchmarkResult(
                name: "fleet stop → all stopped",
                figures: [.init("worst", (stops.max() ?? .infinity) * 1000, "ms")],
                note: "\(stops.count) of \(robots) robots answered; target < 100 ms", isValid: stops.count == robots),
            BenchmarkResult(
                name: "fleet broker messages",
                figures: [
                    .init("idle", idle.messagesPerSecond, "/s"), .init("playing", playing.messagesPerSecond, "/s"),
                ],
                note: "delivered to one teacher: every robot's 5 Hz pose, statuses and events"),
            BenchmarkResult(
                name: "fleet CPU per robot",
                figures: [
                    .init("idle", idle.cpuPerRobot * 100, "%"), .init("playing", playing.cpuPerRobot * 100, "%"),
                ],
                note: "of one core, each `reachy serve --sim --fleet` (simulator included); joined in "
                    + String(format: "%.1f s", joined)),
        ]
    }

    /// Messages per second to the teacher and mean CPU per robot while `body` runs (or for `seconds`).
    static func measure(
        pids: [Int32], seconds: Double?, teacher: FleetTeacher, _ body: () async throws -> Void
    ) async throws -> (messagesPerSecond: Double, cpuPerRobot: Double) {
        let cpuBefore = pids.map { ProcessCPUTime.seconds($0) ?? 0 }
        let messagesBefore = teacher.snapshot.messages
        let start = ContinuousClock.now
        if let seconds { try await Task.sleep(for: .milliseconds(Int64(seconds * 1000))) }
        try await body()
        let elapsed = (ContinuousClock.now - start).inSeconds
        let cpu = zip(pids, cpuBefore).map { (ProcessCPUTime.seconds($0) ?? $1) - $1 }.reduce(0, +)
        let messages = Double(teacher.snapshot.messages - messagesBefore)
        return (messages / elapsed, cpu / elapsed / Double(max(1, pids.count)))
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
