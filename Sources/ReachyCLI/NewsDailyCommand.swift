import ArgumentParser
import Foundation
import ReachyNews

/// `reachy news daily`: a long-running scheduler that recites the newest unread digests at the daily slot.
struct NewsDailyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daily",
        abstract: "Run the daily news routine: sleep until the slot, recite the newest unread digests, repeat.",
        discussion: """
            One loop: look at --dir and the state file, decide with the daily routine's rules (the slot has passed, \
            was not served and is at most 4 hours old; unread = not in the state file; items already read are not \
            read again), recite on the robot, save the state (atomically, only after a complete recital), then sleep \
            until the next slot — waking every --recheck minutes to look for digests that arrive late. Every line \
            of the log on standard error starts with a timestamp. SIGTERM or Ctrl-C exits cleanly with status 0: \
            while sleeping at once, during a recital after stopping the voice and resting the robot (the \
            interrupted digests stay unread). SIGUSR1 skips the current item; SIGUSR2 pauses (voice stopped, head holds) and resumes.
            """)

    @OptionGroup var routine: NewsRoutineOptions

    @Option(
        name: .customLong("source"),
        help:
            "Fetch digests from here into --dir before each look (https:// Markdown or RSS/Atom, or git+URL); repeatable."
    )
    var sources: [String] = []

    @OptionGroup var selection: RecitalSelectionOptions

    @Option(name: .long, help: "Unread digests older than this many days are skipped (recorded, not read).")
    var catchUpDays: Int = 3

    @Option(name: .long, help: "Minutes between looks at the directory while waiting (1–1440).")
    var recheck: Int = 15

    @Option(name: .long, help: .hidden)
    var now: String?

    @Option(name: .long, help: .hidden)
    var speed: Double = 1

    @OptionGroup var playback: NewsPlaybackOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var robot: RobotRunOptions

    func validate() throws {
        guard (1...3650).contains(catchUpDays) else {
            throw ValidationError("--catch-up-days must be between 1 and 3650 (got \(catchUpDays)).")
        }
        guard (1...1440).contains(recheck) else {
            throw ValidationError("--recheck must be between 1 and 1440 minutes (got \(recheck)).")
        }
        if let now, Self.parseDate(now) == nil {
            throw ValidationError("--now must be an ISO 8601 date with an offset, e.g. 2025-12-21T07:59:58+08:00.")
        }
        guard speed.isFinite, speed > 0, speed <= 100_000 else { throw ValidationError("--speed must be positive.") }
        for source in sources {
            do { _ = try DigestSource(source) } catch { throw ValidationError(error.description) }
        }
    }

    static func parseDate(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

    private var dir: String { routine.dir }
    private var at: String { routine.at }
    private var timeZone: String { routine.timeZone }

    func run() async throws {
        let (hour, minute) = try NewsSchedule.slot(at)
        let zone = TimeZone(identifier: timeZone) ?? .gmt
        let schedule = DailySchedule(
            hour: hour, minute: minute, timeZone: zone, catchUpWindow: TimeInterval(catchUpDays) * 86400)
        let clock: any NewsClock =
            now.flatMap(Self.parseDate).map { AcceleratedNewsClock(start: $0, speed: speed) } ?? SystemNewsClock()
        let statePath = routine.statePath
        let store = RecitalStateStore(url: URL(fileURLWithPath: statePath))
        let stamp = ISO8601DateFormatter()
        stamp.timeZone = zone
        func log(_ text: String) { printNotice("[\(stamp.string(from: clock.now()))] \(text)") }
        let signals = SignalWatch()
        defer { signals.cancel() }
        log("News routine started: slot \(at) \(zone.identifier), digests in \(dir), state in \(statePath).")
        var lastReason = ""
        var lastWake: Date?
        var lastPartial = 0
        let fetcher = DigestFetcher(directory: URL(fileURLWithPath: dir), now: { clock.now() })
        let feeds = sources.compactMap { try? DigestSource($0) }
        while signals.received == nil {
            for outcome in await fetcher.fetch(feeds) { log(outcome.logLine) }
            let now = clock.now()
            var current: RecitalState
            do { current = try store.load() } catch { throw NewsCLIError.state(error.description) }
            let candidates = try NewsCandidates.load(files: [], dir: dir)
            if candidates.partial > 0, candidates.partial != lastPartial {
                log(
                    "Partial: \(candidates.partial) problem(s) in the digests (above) keep part of them from being read."
                )
            }
            lastPartial = candidates.partial
            let decision = DailyRoutine.decide(
                now: now, schedule: schedule, state: current, available: candidates.infos, mode: .scheduled)
            if decision.action == .recite {
                log("Reciting \(decision.digests.joined(separator: ", ")) (\(decision.reason)).")
                let digests = DailyRoutine.withoutRecitedItems(
                    decision.digests.compactMap { candidates.digests[$0] }, state: current)
                let planner: RecitalPlanner
                do { planner = try RecitalPlanner.bundled() } catch { throw NewsCLIError.data(error.description) }
                let plan = planner.plan(
                    digests,
                    options: selection.recitalOptions)
                let rate = playback.speechRate
                let outcome = try await NewsRobotPlayback.play(
                    render: { try await NewsRobotPlayback.render(plan, rate: rate) }, robot: try connection.resolve(),
                    run: robot, playback: playback, signals: signals,
                    wavName: "reachy-news-daily.wav")
                if case .interrupted = outcome {
                    log("Recital interrupted; the digests stay unread. Exiting.")
                    return
                }
                if case .completed(_, let wav?) = outcome { log("Voice written to \(wav).") }
                current = DailyRoutine.record(decision, available: candidates.infos, in: current, at: clock.now())
                do { try store.save(current) } catch { throw NewsCLIError.state(error.description) }
                log("Recited \(plan.items.count) item(s); state saved.")
                lastReason = ""
                continue
            }
            if DailyRoutine.isQuietSlot(decision, state: current, schedule: schedule, now: now),
                let slot = decision.slot
            {
                // The slot has come and nothing is new: say so once, so the listener is not left wondering.
                log("No news today (\(decision.reason)); saying so.")
                let planner: RecitalPlanner
                do { planner = try RecitalPlanner.bundled() } catch { throw NewsCLIError.data(error.description) }
                let plan = planner.plan([], options: selection.recitalOptions)
                let rate = playback.speechRate
                let outcome = try await NewsRobotPlayback.play(
                    render: { try await NewsRobotPlayback.render(plan, rate: rate) }, robot: try connection.resolve(),
                    run: robot, playback: playback, signals: signals, wavName: "reachy-news-daily.wav")
                if case .interrupted = outcome {
                    log("Interrupted. Exiting.")
                    return
                }
                current = DailyRoutine.recordQuietSlot(slot, in: current)
                do { try store.save(current) } catch { throw NewsCLIError.state(error.description) }
            }
            if !decision.stale.isEmpty || !decision.digests.isEmpty {
                let next = DailyRoutine.record(decision, available: candidates.infos, in: current, at: now)
                if next != current {
                    do { try store.save(next) } catch { throw NewsCLIError.state(error.description) }
                    log("Recorded as skipped: \(decision.stale.joined(separator: ", ")).")
                }
            }
            if decision.reason != lastReason {
                log("Waiting: \(decision.reason).")
                lastReason = decision.reason
            }
            let wake = min(decision.nextSlot, now.addingTimeInterval(TimeInterval(recheck) * 60))
            if wake != lastWake {
                log("Sleeping until \(stamp.string(from: wake)) (next slot \(stamp.string(from: decision.nextSlot))).")
                lastWake = wake
            }
            // Sleep in short steps of real time so a signal ends the loop at once.
            while signals.received == nil, clock.now() < wake {
                let remaining = wake.timeIntervalSince(clock.now()) / speed
                try? await Task.sleep(for: .milliseconds(Int(max(1, min(250, remaining * 1000)))))
            }
        }
        log("Stopped by \(signals.received == SIGTERM ? "SIGTERM" : "SIGINT") while waiting.")
    }
}

/// A clock for tests and rehearsals (`reachy news daily --now … --speed …`): starts at a given date and runs
/// `speed` times faster than the monotonic clock.
final class AcceleratedNewsClock: NewsClock {
    let start: Date
    let speed: Double
    let origin = ContinuousClock.now

    init(start: Date, speed: Double) {
        self.start = start
        self.speed = speed
    }

    func now() -> Date {
        let d = ContinuousClock.now - origin
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return start.addingTimeInterval(seconds * speed)
    }
}
