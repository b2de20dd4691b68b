import Foundation
import ReachyTestSupport
import Testing

/// Runs the built `reachy` executable and captures what a user sees.
enum CLIRunner {
    typealias Output = CommandOutput

    /// The built `reachy` (see ``ReachyExecutable/url()``).
    static func executable() throws -> URL { try ReachyExecutable.url() }

    static func run(_ arguments: [String]) throws -> Output { try ReachyExecutable.run(arguments) }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
