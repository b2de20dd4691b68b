public import Foundation

/// `reachy news doctor`: what the news routine sees — where digests come from, when the next slot is, what was
/// read last, and which digests were rejected and why — as lines of plain text.
public enum NewsDoctor {
    /// The report for a digest directory, its state file and schedule, at `now`.
    public static func report(
        directory: URL, state stateFile: URL, schedule: DailySchedule, now: Date
    ) -> [String] {
        let stamp = ISO8601DateFormatter()
        stamp.timeZone = schedule.timeZone
        var lines: [String] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            return ["Digests: \(directory.path) does not exist. Create it, or point --dir at the folder digests go in."]
        }
        let fetch = FetchState.load(from: directory.appendingPathComponent(".reachy-fetch.json"))
        if fetch.entries.isEmpty {
            lines.append("Sources: none fetched into this directory (digests are put here by hand, or add --source).")
        } else {
            for (url, entry) in fetch.entries.sorted(by: { $0.key < $1.key }) {
                let validator = entry.etag.map { "ETag \($0)" } ?? entry.lastModified.map { "Last-Modified \($0)" }
                lines.append("Source: \(url) (last answer kept: \(validator ?? "no validator"))")
            }
        }
        let state = (try? RecitalStateStore(url: stateFile).load()) ?? RecitalState()
        let scan = DailyRoutine.scan(directory: directory)
        lines.append("Digests: \(scan.infos.count) in \(directory.path)")
        let handled = Dictionary(state.digests.map { ($0.name, $0) }, uniquingKeysWith: { _, b in b })
        for info in scan.infos {
            let status: String
            if let entry = handled[info.identity] {
                status =
                    entry.skipped
                    ? "skipped (too old) at \(stamp.string(from: entry.handledAt))"
                    : "read at \(stamp.string(from: entry.handledAt))"
            } else {
                status = "unread"
            }
            let date = info.date.map { stamp.string(from: $0) } ?? "no date"
            let items = scan.digests[info.name]?.items.count ?? 0
            lines.append("  \(info.name): \(date), \(items) item(s), \(status)")
        }
        let problems = scan.diagnostics.filter { !$0.error.isWarning }
        if problems.isEmpty {
            lines.append("Rejected: nothing.")
        } else {
            lines.append("Rejected or partly read (\(problems.count) error(s)):")
            for d in problems { lines.append("  \(d.description)") }
        }
        let last = state.digests.filter { !$0.skipped }.max { $0.handledAt < $1.handledAt }
        lines.append(
            "Last read: " + (last.map { "\($0.name) at \(stamp.string(from: $0.handledAt))" } ?? "nothing yet"))
        lines.append("Items read so far: \(state.recitedURLs.count)")
        let decision = DailyRoutine.decide(now: now, schedule: schedule, state: state, available: scan.infos)
        lines.append("Next slot: \(stamp.string(from: decision.nextSlot)) (\(schedule.timeZone.identifier))")
        lines.append("Now: \(decision.action == .recite ? "would recite" : "would wait"): \(decision.reason)")
        return lines
    }
}
