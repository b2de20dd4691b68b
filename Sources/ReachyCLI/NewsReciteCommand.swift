import ArgumentParser
import Foundation
import ReachyNews
import ReachySpeech

/// `reachy news recite`: plays digests on the robot (voice + gestures); with `--state`, the daily routine's rules.
struct NewsReciteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recite",
        abstract: "Recite digests on the robot: the voice on its speaker, gestures in step with the speech.",
        discussion: """
            Digests come from FILE arguments and/or --dir. The voice goes to the robot's "Reachy Mini Audio" card \
            (--audio-device to choose another, --volume to set it); on the simulator, or with --wav, to a WAV file \
            whose path is printed. Progress (item k/N and the headline) goes to standard error. Ctrl-C or SIGTERM \
            stops the voice and brings the robot to rest (--on-interrupt); SIGUSR1 skips the current item; SIGUSR2 pauses (voice stopped, head holds) and resumes.

            With --state FILE the run remembers what was recited: --unread recites whatever is unread now; without it \
            the run is a scheduled one (what the systemd timer starts): it recites only if the daily slot (--at, \
            --time-zone) has passed, was not served yet and is at most 4 hours old. Digests older than \
            --catch-up-days are recorded as skipped. The state is saved (atomically) only after the whole recital \
            has been played: an interrupted recital is not marked as recited. To only write audio without a robot, \
            use `reachy news speak`.
            """)

    @Argument(help: "Digest files (Markdown with YAML front matter); merged newest first, repeated items read once.")
    var files: [String] = []

    @Option(name: .long, help: "Directory whose *.md digests are candidates too.")
    var dir: String?

    @Option(name: .long, help: "State file (JSON) recording what was recited; created if missing.")
    var state: String?

    @Flag(name: .long, help: "With --state: recite what is unread now, ignoring the daily slot.")
    var unread = false

    @Option(name: .long, help: "Daily slot as HH:MM (scheduled runs, with --state and without --unread).")
    var at: String = "08:00"

    @Option(name: [.customLong("time-zone"), .customLong("tz")], help: "Time zone of the slot (IANA name).")
    var timeZone: String = "Asia/Shanghai"

    @Option(
        name: .long, help: "With --state: unread digests older than this many days are skipped (recorded, not read).")
    var catchUpDays: Int = 3

    @Flag(name: .long, help: "Only print the decision; change nothing, move nothing.")
    var dryRun = false

    @OptionGroup var playback: NewsPlaybackOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var robot: RobotRunOptions

    func validate() throws {
        if files.isEmpty && dir == nil {
            throw ValidationError("Give digest files, or --dir DIR (with --state to remember what was read).")
        }
        if unread && state == nil {
            throw ValidationError("--unread needs --state FILE (where what was recited is remembered).")
        }
        _ = try NewsSchedule.slot(at)
        guard TimeZone(identifier: timeZone) != nil else {
            throw ValidationError(
                "--time-zone '\(timeZone)' is not a known zone; use an IANA name such as Asia/Shanghai.")
        }
        guard (1...3650).contains(catchUpDays) else {
            throw ValidationError("--catch-up-days must be between 1 and 3650 (got \(catchUpDays)).")
        }
    }

    @OptionGroup var selection: RecitalSelectionOptions

    var recitalOptions: RecitalOptions { selection.recitalOptions }

    func run() async throws {
        let (hour, minute) = try NewsSchedule.slot(at)
        let schedule = DailySchedule(
            hour: hour, minute: minute, timeZone: TimeZone(identifier: timeZone) ?? .gmt,
            catchUpWindow: TimeInterval(catchUpDays) * 86400)
        let candidates = try NewsCandidates.load(files: files, dir: dir)
        let now = SystemNewsClock().now()
        var chosen: [Digest]
        var decision: RoutineDecision?
        var current = RecitalState()
        let store = state.map { RecitalStateStore(url: URL(fileURLWithPath: $0)) }
        if let store {
            do { current = try store.load() } catch { throw NewsCLIError.state(error.description) }
            let d = DailyRoutine.decide(
                now: now, schedule: schedule, state: current, available: candidates.infos,
                mode: unread ? .unread : .scheduled)
            print("Decision: \(d.action.rawValue) (\(d.reason)).")
            decision = d
            if dryRun {
                if !d.digests.isEmpty { print("Would recite: " + d.digests.joined(separator: ", ")) }
                return
            }
            chosen =
                d.action == .recite
                ? DailyRoutine.withoutRecitedItems(d.digests.compactMap { candidates.digests[$0] }, state: current) : []
        } else {
            chosen = candidates.infos.compactMap { candidates.digests[$0.name] }
        }
        if !chosen.isEmpty {
            let planner: RecitalPlanner
            do { planner = try RecitalPlanner.bundled() } catch { throw NewsCLIError.data(error.description) }
            let plan = planner.plan(chosen, options: recitalOptions)
            if plan.items.isEmpty {
                if store == nil {
                    throw NewsCLIError.noItems(
                        files: files + [dir].compactMap { $0 }, filtered: !selection.categories.isEmpty)
                }
                print("Nothing left to read after the filters.")
            } else if dryRun {
                print("Would recite \(plan.items.count) item(s).")
                return
            } else {
                let rate = playback.speechRate
                let signals = SignalWatch()
                defer { signals.cancel() }
                let outcome = try await NewsRobotPlayback.play(
                    render: { try await NewsRobotPlayback.render(plan, rate: rate) }, robot: try connection.resolve(),
                    run: robot, playback: playback, signals: signals,
                    wavName: "reachy-news-\(getpid()).wav")
                switch outcome {
                case .interrupted(let number, let wav):
                    if let wav { Progress.say("Partial recording in \(wav).") }
                    if store != nil { Progress.say("Not marked as recited (interrupted).") }
                    throw ExitCode(128 + number)
                case .completed(let performance, let wav):
                    let skipped = performance.segments.filter(\.skipped).count
                    if let wav {
                        print(
                            "Wrote \(wav): \(String(format: "%.1f", performance.segments.last?.audioEnd ?? 0)) s, "
                                + "\(plan.items.count) item(s)" + (skipped > 0 ? " (\(skipped) skipped)" : "") + ".")
                    } else {
                        print(
                            "Recited \(plan.items.count) item(s)" + (skipped > 0 ? " (\(skipped) skipped)" : "") + ".")
                    }
                    if let path = playback.record { print("Wrote the record to \(path).") }
                }
            }
        } else if store == nil {
            throw NewsCLIError.noItems(files: files + [dir].compactMap { $0 }, filtered: !selection.categories.isEmpty)
        }
        if let store, let decision {
            let next = DailyRoutine.record(decision, available: candidates.infos, in: current, at: now)
            if next != current {
                do { try store.save(next) } catch { throw NewsCLIError.state(error.description) }
            }
            let f = ISO8601DateFormatter()
            f.timeZone = schedule.timeZone
            print("Next slot: \(f.string(from: decision.nextSlot)).")
        }
        try NewsRecitalOptions.finish(partial: candidates.partial)
    }
}

/// `--at HH:MM` parsing shared by `recite` and `daily`.
enum NewsSchedule {
    static func slot(_ text: String) throws -> (Int, Int) {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]) else {
            throw ValidationError("--at must be HH:MM, e.g. 08:00 (got '\(text)').")
        }
        return (parts[0], parts[1])
    }
}

/// Digests from FILE arguments and a directory, keyed by file name (what the state file records).
struct NewsCandidates {
    var infos: [DigestFileInfo] = []
    var digests: [String: Digest] = [:]
    /// Errors after which part of a digest is not read.
    var partial = 0

    static func load(files: [String], dir: String?) throws -> NewsCandidates {
        var c = NewsCandidates()
        if let dir {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw NewsCLIError.unreadable(path: dir, reason: "not a directory")
            }
            let scan = DailyRoutine.scan(directory: URL(fileURLWithPath: dir))
            for d in scan.diagnostics { printError(d.description) }
            c.partial += scan.diagnostics.filter { !$0.error.isWarning }.count
            c.infos = scan.infos
            c.digests = scan.digests
        }
        for file in files {
            let result = DigestParser.parse(contentsOf: URL(fileURLWithPath: file))
            for d in result.diagnostics { printError(d.description) }
            c.partial += result.errors.count
            if case .unreadable(let path, let reason)? = result.firstError {
                throw NewsCLIError.unreadable(path: path, reason: reason)
            }
            let name = URL(fileURLWithPath: file).lastPathComponent
            if c.digests[name] == nil {
                let url = URL(fileURLWithPath: file)
                let arrival = (try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date
                c.infos.append(
                    DigestFileInfo(
                        name: name, digest: result.digest, content: try? Data(contentsOf: url), arrival: arrival))
            }
            c.digests[name] = result.digest
        }
        return c
    }
}
