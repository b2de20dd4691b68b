import Foundation
import ReachyFleet

/// What the robots of a `reachy class run` did: who refused, who started when (their own clocks), who finished.
struct ClassRunOutcome {
    /// The robots addressed.
    var robots: Set<String>
    /// Their events about the command.
    var events: [FleetEvent]

    /// Waits until every robot has started or refused (at most `startTimeout` seconds), then, with
    /// `finishTimeout`, until every one that started has ended.
    static func collect(
        _ teacher: FleetTeacher, id: String, robots: Set<String>, startTimeout: Double, finishTimeout: Double?
    ) async -> ClassRunOutcome {
        func settled(_ kinds: Set<FleetEvent.Kind>) -> (FleetTeacher.Snapshot) -> Bool {
            { snapshot in
                let done = Set(snapshot.events(of: id).filter { kinds.contains($0.kind) }.map(\.robot))
                return robots.isSubset(of: done)
            }
        }
        _ = await teacher.wait(
            timeout: .milliseconds(Int64(startTimeout * 1000)), until: settled([.started, .rejected, .failed]))
        if let finishTimeout {
            _ = await teacher.wait(
                timeout: .milliseconds(Int64(finishTimeout * 1000)),
                until: settled([.finished, .stopped, .rejected, .failed]))
        }
        return ClassRunOutcome(robots: robots, events: teacher.snapshot.events(of: id))
    }

    /// When each robot started, by name.
    var starts: [String: Double] {
        var out: [String: Double] = [:]
        for event in events where event.kind == .started { out[event.robot] = event.startedAt }
        return out
    }

    /// The spread of the start instants, seconds (nil with fewer than two).
    var spread: Double? {
        let values = Array(starts.values)
        guard values.count >= 2, let low = values.min(), let high = values.max() else { return nil }
        return high - low
    }

    var allStarted: Bool { robots.isSubset(of: Set(starts.keys)) }
    var allFinished: Bool {
        robots.isSubset(of: Set(events.filter { $0.kind == .finished }.map(\.robot)))
    }

    /// One line per robot and the spread.
    func report(instant: Double?) -> String {
        var lines: [String] = []
        for robot in robots.sorted() {
            let mine = events.filter { $0.robot == robot }
            if let refusal = mine.first(where: { $0.kind == .rejected || $0.kind == .failed }) {
                lines.append("\(robot): refused — \(refusal.message ?? "no reason given")")
            } else if let start = mine.first(where: { $0.kind == .started }), let at = start.startedAt {
                let offset = instant.map { String(format: " (%+.1f ms from the instant)", (at - $0) * 1000) } ?? ""
                let end = mine.contains { $0.kind == .finished } ? ", finished" : ""
                lines.append("\(robot): started\(offset)\(end)")
            } else {
                lines.append("\(robot): no answer (is it still online? `reachy class list`)")
            }
        }
        if let spread {
            lines.append(
                String(
                    format: "Start spread: %.1f ms over %d robots (by their own clocks).", spread * 1000, starts.count))
        }
        return lines.joined(separator: "\n")
    }
}
