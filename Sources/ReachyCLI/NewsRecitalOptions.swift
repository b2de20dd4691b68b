import ArgumentParser
import Foundation
import ReachyNews

/// Options shared by `reachy news plan` and `reachy news speak`.
struct NewsRecitalOptions: ParsableArguments {
    @Argument(
        help:
            "Digest files (Markdown with YAML front matter). Several files are merged, newest first, and items repeated across them are read once."
    )
    var files: [String]

    @OptionGroup var selection: RecitalSelectionOptions

    var recitalOptions: RecitalOptions { selection.recitalOptions }

    /// Parses the files, prints diagnostics to stderr, and builds the plan. Unreadable files and plans without
    /// items are errors. `partial` counts the errors after which something of a digest was not read.
    func makePlan() throws -> (plan: RecitalPlan, partial: Int) {
        var digests: [Digest] = []
        var partial = 0
        for file in files {
            let result = DigestParser.parse(contentsOf: URL(fileURLWithPath: file))
            for d in result.diagnostics { printError(d.description) }
            partial += result.errors.count
            if case .unreadable(let path, let reason)? = result.firstError {
                throw NewsCLIError.unreadable(path: path, reason: reason)
            }
            digests.append(result.digest)
        }
        let planner: RecitalPlanner
        do { planner = try RecitalPlanner.bundled() } catch { throw NewsCLIError.data(error.description) }
        let plan = planner.plan(digests, options: recitalOptions)
        guard !plan.items.isEmpty else {
            throw NewsCLIError.noItems(files: files, filtered: !selection.categories.isEmpty)
        }
        return (plan, partial)
    }

    /// Ends a command that read only part of its digests with exit status 3 and says so.
    static func finish(partial: Int) throws {
        guard partial > 0 else { return }
        printError(
            "Partial: \(partial) problem(s) above kept part of the digests from being read (exit status 3). "
                + "Fix them and run again; `reachy news doctor --dir DIR` lists them.")
        throw ExitCode(3)
    }
}

/// Errors the news commands report (exit status 1).
enum NewsCLIError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case noItems(files: [String], filtered: Bool)
    case data(String)
    case speech(String)
    case state(String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read digest \(path): \(reason). Check the path and its permissions."
        case .noItems(let files, let filtered):
            return "no news items to read in \(files.joined(separator: ", "))"
                + (filtered
                    ? " with the requested --categories. Drop --categories or pick one the digests use."
                    : ". Fix the problems listed above.")
        case .data(let message), .speech(let message), .state(let message):
            return message
        }
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
