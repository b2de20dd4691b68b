import ArgumentParser
import Bop
import Dynamixel
import Foundation
import ReachyBenchmarks
import ReachyBridge
import ReachyNews

/// `reachy bench all`: every benchmark of the project, in layer order, with the figures the issue notes quote.
struct BenchAllCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Run every benchmark: protocol, simulator, pty, motion, control loop, Bop, news.",
        discussion: """
            Build with `swift build -c release` first (`make bench` does). Each suite can also be picked with \
            --only, e.g. --only protocol,loop. Suites: \(Suite.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    enum Suite: String, CaseIterable, ExpressibleByArgument {
        case protocolCodec = "protocol"
        case simulator, pty, motion, loop, bop, news
    }

    @Option(
        name: .long, help: "Comma-separated suites to run (default: all).",
        transform: { text throws(ValidationError) in
            try text.split(separator: ",").map { name throws(ValidationError) in
                guard let suite = Suite(rawValue: String(name)) else {
                    throw ValidationError(
                        "Unknown suite '\(name)'. Choose from: \(Suite.allCases.map(\.rawValue).joined(separator: ", "))."
                    )
                }
                return suite
            }
        })
    var only: [Suite] = Suite.allCases

    @Option(name: .long, help: "The digest the news benchmark reads.")
    var digest: String = "examples/news/digest-2025-12-21.md"

    @Option(name: .long, help: "Seconds of control loop per rate.")
    var loopSeconds: Double = 5

    func run() async throws {
        #if DEBUG
            printNotice("This is a debug build; numbers will be much slower. Use `make bench` (release).")
        #endif
        for suite in only {
            print("== \(suite.rawValue)")
            switch suite {
            case .protocolCodec:
                for result in DynamixelBenchmarks.run() { print("  \(result)") }
            case .simulator:
                for result in try SimulatorBenchmarks.inProcess(transactions: 20_000) { print("  \(result)") }
                for result in try SimulatorBenchmarks.pty(roundTrips: 2_000) { print("  \(result)") }
            case .pty:
                for result in try HardwareBenchmarks.run() { print("  \(result)") }
            case .motion:
                for result in MotionBenchmarks.run(operations: 200_000, runs: 5) { print("  \(result)") }
            case .loop:
                for result in try await LoopBenchmark.run(rates: [100, 200], seconds: loopSeconds) {
                    print("  \(result)")
                }
            case .bop:
                for result in BopBenchmarks.run(runs: 7) { print("  \(result)") }
            case .news:
                guard FileManager.default.fileExists(atPath: digest) else {
                    throw CLIError("No digest at \(digest); pass --digest PATH (run from the repository root).")
                }
                for result in try NewsBenchmarks.run(digests: [URL(fileURLWithPath: digest)]) { print("  \(result)") }
            }
        }
    }
}
