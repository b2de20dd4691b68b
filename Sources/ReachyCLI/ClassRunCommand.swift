import ArgumentParser
import Bop
import Foundation
import ReachyFleet

/// `reachy class run FILE --all|--group G|--robot N [--at +2s]`: one Bop program on many robots, from one instant.
struct ClassRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Bop program on robots of the class, all starting on the same instant.",
        discussion: """
            The program is checked here first, then sent with a start instant (--at, default 2 s from now); each \
            robot checks it again, moves to the first pose and starts on that instant by its own clock (hosts \
            synchronised by NTP). It prints when each robot started and the spread between the first and the last, \
            then returns (--wait: when they have finished). Exit status 1 when a robot refused or did not answer.
            """)

    @OptionGroup var connection: ClassConnectionOptions
    @OptionGroup var target: ClassTargetOptions

    @Argument(help: "The Bop program (- reads standard input).")
    var file: String

    @Option(name: .customLong("at"), help: "When to start: +2s, +500ms, now, or seconds since 1970.")
    var at = StartOffset(argument: "+2s")!

    @Option(help: "The random seed (the same on every robot, so they dance alike).")
    var seed: UInt64 = 1

    @Flag(help: "Wait until every robot has finished.")
    var wait = false

    func run() async throws {
        let source = try BopSourceFile.read(file)
        let checked = BopCompiler.compile(source, options: BopOptions(seed: seed))
        guard !checked.hasErrors, let timeline = checked.timeline else {
            printToStandardError(DiagnosticFormatter.human(checked))
            throw CLIError("The program has problems; nothing was sent. Fix them (`reachy check \(file)`) and retry.")
        }
        let teacher = try await connection.connect()
        defer { teacher.disconnect() }
        let addressed = await ClassListCommand.settledRoster(teacher).filter { $0.online && target.target.includes($0) }
        guard !addressed.isEmpty else {
            throw CLIError("No robot of \(target.target) is online (see `reachy class list`).")
        }
        let instant = at.instant()
        let id: String
        do {
            id = try await teacher.send(.run, program: source, seed: seed, at: instant, to: target.target)
        } catch {
            throw CLIError(error.description)
        }
        let names = Set(addressed.map(\.name))
        let lead = max(0, (instant ?? WallClock.now()) - WallClock.now())
        let outcome = await ClassRunOutcome.collect(
            teacher, id: id, robots: names, startTimeout: lead + 15,
            finishTimeout: wait ? lead + 15 + timeline.duration.doubleValue + 5 : nil)
        print(outcome.report(instant: instant))
        if !outcome.allStarted || (wait && !outcome.allFinished) { throw ExitCode(1) }
    }
}
