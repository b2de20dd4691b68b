import ArgumentParser
import Foundation

/// Where the daily news routine keeps its digests and state, and its slot: shared by `news daily` and `news doctor`
/// so both read the same directory the same way.
struct NewsRoutineOptions: ParsableArguments {
    @Option(name: .long, help: "Directory holding the digest files (*.md).")
    var dir: String

    @Option(name: .long, help: "State file (JSON); default: reachy-news-state.json in --dir.")
    var state: String?

    @Option(name: .long, help: "Daily slot as HH:MM.")
    var at: String = "08:00"

    @Option(name: [.customLong("tz"), .customLong("time-zone")], help: "Time zone of the slot (IANA name).")
    var timeZone: String = "Asia/Shanghai"

    func validate() throws {
        _ = try NewsSchedule.slot(at)
        guard TimeZone(identifier: timeZone) != nil else {
            throw ValidationError("--tz '\(timeZone)' is not a known zone; use an IANA name such as Asia/Shanghai.")
        }
    }

    /// The state file's path.
    var statePath: String {
        state ?? URL(fileURLWithPath: dir).appendingPathComponent("reachy-news-state.json").path
    }
}
