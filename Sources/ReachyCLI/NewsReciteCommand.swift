import ArgumentParser
import Foundation
import ReachyNews
import ReachySpeech

/// `reachy news recite`: the daily routine (what the systemd timer runs).
struct NewsReciteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recite",
        abstract: "Recite the unread digests of a directory once, remembering what was read in a state file.",
        discussion: """
            --unread recites whatever is unread now. Without it the run is a scheduled one: it recites only if the \
            daily slot (--at, --time-zone) has passed, was not served yet and is at most 4 hours old; unread digests \
            otherwise wait for the next slot. Digests older than --catch-up-days are recorded as skipped. The recital is \
            written to --wav (robot playback is added by the motion layer). The state file is replaced atomically.
            """
    )

    @Option(name: .long, help: "Directory holding the digest files (*.md).")
    var dir: String

    @Option(name: .long, help: "State file (JSON) recording what was recited; created if missing.")
    var state: String

    @Option(name: .long, help: "Where to write the recital audio (WAV, 16 kHz mono).")
    var wav: String

    @Flag(name: .long, help: "Recite unread digests now, ignoring the daily slot.")
    var unread = false

    @Option(name: .long, help: "Daily slot as HH:MM.")
    var at: String = "08:00"

    @Option(name: .long, help: "Time zone of the slot (IANA name).")
    var timeZone: String = "Asia/Shanghai"

    @Option(name: .long, help: "Read at most this many items.")
    var items: Int = 10

    @Option(name: .long, help: "Unread digests older than this many days are skipped (recorded, not read).")
    var catchUpDays: Int = 3

    @Flag(name: .long, help: "Only print the decision; change nothing.")
    var dryRun = false

    func parsedSlot() throws -> (Int, Int) {
        let parts = at.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]) else {
            throw ValidationError("--at must be HH:MM, e.g. 08:00 (got '\(at)').")
        }
        return (parts[0], parts[1])
    }

    func validate() throws {
        _ = try parsedSlot()
        guard TimeZone(identifier: timeZone) != nil else {
            throw ValidationError(
                "--time-zone '\(timeZone)' is not a known zone; use an IANA name such as Asia/Shanghai.")
        }
        guard (1...3650).contains(catchUpDays) else {
            throw ValidationError("--catch-up-days must be between 1 and 3650 (got \(catchUpDays)).")
        }
        guard items >= 1 else { throw ValidationError("--items must be at least 1 (got \(items)).") }
    }

    func run() throws {
        let (hour, minute) = try parsedSlot()
        let schedule = DailySchedule(
            hour: hour, minute: minute, timeZone: TimeZone(identifier: timeZone) ?? .gmt,
            catchUpWindow: TimeInterval(catchUpDays) * 86400)
        let store = RecitalStateStore(url: URL(fileURLWithPath: state))
        let current: RecitalState
        do { current = try store.load() } catch { throw NewsCLIError.state(error.description) }
        let scan = DailyRoutine.scan(directory: URL(fileURLWithPath: dir))
        for d in scan.diagnostics { printError(d.description) }
        let now = SystemNewsClock().now()
        let decision = DailyRoutine.decide(
            now: now, schedule: schedule, state: current, available: scan.infos,
            mode: unread ? .unread : .scheduled)
        print("Decision: \(decision.action.rawValue) (\(decision.reason)).")
        if dryRun {
            if !decision.digests.isEmpty { print("Would recite: " + decision.digests.joined(separator: ", ")) }
            return
        }
        if decision.action == .recite {
            let digests = DailyRoutine.withoutRecitedItems(
                decision.digests.compactMap { scan.digests[$0] }, state: current)
            let planner: RecitalPlanner
            do { planner = try RecitalPlanner.bundled() } catch { throw NewsCLIError.data(error.description) }
            let plan = planner.plan(digests, options: RecitalOptions(maxItems: items))
            do {
                let rendered = try RecitalRenderer().render(plan)
                try WAVFile(rendered.audio).write(to: URL(fileURLWithPath: wav))
                print(
                    "Wrote \(wav): \(String(format: "%.1f", rendered.audio.duration)) s, \(plan.items.count) items from "
                        + decision.digests.joined(separator: ", ") + ".")
            } catch {
                throw NewsCLIError.speech(error.description)
            }
        }
        let next = DailyRoutine.record(decision, available: scan.infos, in: current, at: now)
        if next != current {
            do { try store.save(next) } catch { throw NewsCLIError.state(error.description) }
        }
        let f = ISO8601DateFormatter()
        f.timeZone = schedule.timeZone
        print("Next slot: \(f.string(from: decision.nextSlot)).")
    }
}
