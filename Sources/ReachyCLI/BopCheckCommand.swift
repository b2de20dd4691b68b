public import ArgumentParser
import Bop

/// `reachy check FILE` — finds every problem in a Bop program without moving the robot.
public struct BopCheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a Bop program and explain any problems, in the program's language.",
        discussion: """
            Prints each problem with the line, carets under the spot, what the robot noticed and what to try. \
            Warnings (a move clamped to a safe limit, a move slowed down) do not make the check fail. \
            Exit status: 0 when there are no errors, 1 when there is at least one error. \
            With --json, prints a JSON array of {id, severity, line, column, end_line, end_column, title, \
            message, suggestion, fix}; columns count characters (a Chinese character is one column) and \
            end_column is just after the last character.
            """)

    @Argument(help: "The Bop program to check (a .bop text file, or - to read standard input).")
    var file: String

    @Flag(name: .long, help: "Print the diagnostics as a JSON array instead of the caret view.")
    var json = false

    @OptionGroup var moves: MovesDirectoryOptions

    public init() {}

    public func run() throws {
        let text = try BopSourceFile.read(file)
        let result = BopCompiler.compile(text, options: BopOptions(emotions: moves.emotions))
        if json {
            print(DiagnosticFormatter.json(result.diagnostics))
        } else {
            print(DiagnosticFormatter.human(result), terminator: "")
        }
        if result.hasErrors { throw ExitCode(1) }
    }
}
