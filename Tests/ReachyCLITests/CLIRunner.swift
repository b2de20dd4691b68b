import ArgumentParser
import Foundation
import ReachyCLI
import ReachyTestSupport
import Testing

/// Runs the built `reachy` executable and captures what a user sees.
enum CLIRunner {
    typealias Output = CommandOutput

    /// The built `reachy` (see ``ReachyExecutable/url()``).
    static func executable() throws -> URL { try ReachyExecutable.url() }

    static func run(_ arguments: [String]) throws -> Output { try ReachyExecutable.run(arguments) }

    /// What `reachy arguments` prints and exits with when the command line itself is wrong (exit 64), found by
    /// parsing and validating in this process, as the binary does before running anything (no process spawned).
    /// A command line that parses gives status 0 and no output.
    static func parse(_ arguments: [String]) -> Output {
        do {
            _ = try ReachyCommand.parseAsRoot(arguments)
            return Output(status: 0, stdout: "", stderr: "")
        } catch {
            let status = ReachyCommand.exitCode(for: error).rawValue
            let message = ReachyCommand.fullMessage(for: error) + "\n"
            return status == 0
                ? Output(status: 0, stdout: message, stderr: "") : Output(status: status, stdout: "", stderr: message)
        }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
