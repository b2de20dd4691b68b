import ArgumentParser
import Foundation
import ReachyBenchmarks
import ReachyPlayground

/// `reachy bench playground`: how fast the Bop playground page loads in headless Chromium.
struct PlaygroundBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playground",
        abstract: "Benchmark the Bop playground page: navigation start → editor ready and first robot frame drawn.",
        discussion: """
            Starts `reachy serve --sim` on a free loopback port (unless --url is given), loads the page --runs times \
            in headless Chromium (a fresh tab each time) and prints the median, the best and the first (cold cache) \
            time of DOMContentLoaded, editor ready and first robot frame, in milliseconds since navigation start. \
            Needs Chromium (`sudo apt-get install chromium`, or set CHROMIUM). Build with -c release.
            """)

    @Option(name: .long, help: "How many times to load the page (the median, the best and the first are reported).")
    var runs: Int = 10

    @Option(name: .long, help: "Load this page instead of starting `reachy serve --sim` (e.g. http://127.0.0.1:8000/).")
    var url: String?

    @Option(name: .long, help: "The Chromium executable (default: $CHROMIUM, else /usr/bin/chromium).")
    var chromium: String?

    func validate() throws {
        if runs < 1 || runs > 1000 { throw ValidationError("--runs must be between 1 and 1000 (you gave \(runs)).") }
    }

    func run() async throws {
        #if DEBUG
            printNotice("This is a debug build; the server is slower. Use `swift build -c release` for the numbers.")
        #endif
        let me = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let results: [BenchmarkResult]
        do {
            results = try await PlaygroundLoadBenchmark.run(
                page: url, reachy: me, runs: runs, chromium: chromium.map { URL(fileURLWithPath: $0) })
        } catch {
            throw CLIError(error.description)
        }
        for result in results { print(result) }
    }
}
