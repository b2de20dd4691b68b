public import ArgumentParser
import Bop
import Foundation
import ReachyPictures

/// `reachy timeline FILE` — prints the deterministic plan of a Bop program.
public struct BopTimelineCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Print the timeline of a Bop program: every move with its start, length, axis and line.",
        discussion: """
            The default output is a text table (times in seconds; angles in degrees; head x/y/z in meters). \
            --json prints one object {format, version, level, language, seed, duration, duration_exact, \
            truncated, segments: [{start, start_exact, duration, duration_exact, track, axis, from, to, easing, \
            line, text, approximate}], diagnostics}. --csv prints the axis targets sampled at 50 Hz. \
            head.yaw is relative to the body; the CSV also has head.yaw.world. \
            If the program has errors, they are printed (the caret view on standard error, or with --json the \
            diagnostics array on standard output) and the exit status is 1. Warnings are printed to standard \
            error next to the text or CSV output, and inside the JSON object with --json. \
            --svg OUT.svg draws the timeline instead: one lane per part (head, body, antennas, voice, sound), a \
            row per axis, every move labelled at its start, and a beat grid at the program's tempo.
            """)

    @Argument(help: "The Bop program (a .bop text file, or - to read standard input).")
    var file: String

    @Flag(name: .long, help: "Print the timeline as JSON.")
    var json = false

    @Flag(name: .long, help: "Print 50 Hz samples of every axis target as CSV.")
    var csv = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Draw the timeline as an SVG picture into this file (instead of printing it).", valueName: "out.svg"))
    var svg: String?

    @OptionGroup var moves: MovesDirectoryOptions
    @Option(name: .long, help: "Seed for `random` and `pick` (the same seed always gives the same timeline).")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Stop planning after this many seconds (a `forever` runs up to here).")
    var horizon: Int64 = 600

    public init() {}

    public func validate() throws {
        if json && csv { throw ValidationError("Choose either --json or --csv, not both.") }
        if let svg {
            if json || csv { throw ValidationError("--svg writes a picture; leave out --json and --csv.") }
            if !svg.lowercased().hasSuffix(".svg") {
                throw ValidationError("--svg must name a .svg file (got \"\(svg)\").")
            }
        }
        if horizon < 1 || horizon > 3600 {
            throw ValidationError("--horizon must be between 1 and 3600 seconds (you gave \(horizon)).")
        }
    }

    public func run() throws {
        let text = try BopSourceFile.read(file)
        let result = BopCompiler.compile(
            text, options: BopOptions(seed: seed, horizonSeconds: horizon, emotions: moves.emotions))
        guard let timeline = result.timeline else {
            if json {
                print(DiagnosticFormatter.json(result.diagnostics))
            } else {
                printToStandardError(DiagnosticFormatter.human(result))
            }
            throw ExitCode(1)
        }
        if json {
            print(TimelineFormatter.json(timeline, diagnostics: result.diagnostics))
            return
        }
        if !result.diagnostics.isEmpty { printToStandardError(DiagnosticFormatter.human(result)) }
        if let svg {
            let picture = TimelineSVG().document(timeline, source: result.source, title: "Timeline of \(file)")
            do {
                try Data(picture.utf8).write(to: URL(fileURLWithPath: svg))
            } catch {
                throw CLIError("Could not write \(svg): \(error.localizedDescription). Choose a writable path.")
            }
            let seconds = String(format: "%.2f", timeline.duration.doubleValue)
            print("Wrote \(svg) (\(timeline.segments.count) moves over \(seconds) s).")
            return
        }
        print(csv ? TimelineFormatter.csv(timeline) : TimelineFormatter.text(timeline), terminator: "")
    }
}
