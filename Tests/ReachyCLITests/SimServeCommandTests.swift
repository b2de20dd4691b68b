import Foundation
import ReachyTestSupport
import Testing

/// `reachy sim serve` as a user runs it: the built binary, its full output and exit status.
@Suite(.serialized) struct SimServeCommandTests {
    static let binary: URL? = try? ReachyExecutable.url()

    func launch(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        guard let binary = Self.binary else { throw MissingBinary() }
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return (process, output, errors)
    }

    @Test func badFaultIsAUsageErrorWithTheAcceptedForm() throws {
        let (process, output, errors) = try launch(["sim", "serve", "--fault", "byte-loss=2"])
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(output.fileHandleForReading.readDataToEndOfFile().isEmpty)
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(
            text == """
                Error: Fault byte-loss: '2' is not valid; expected a probability between 0 and 1, or a percentage (e.g. byte-loss=0.05 or byte-loss=5%).
                Usage: reachy sim serve [--link <link>] [--seed <seed>] [--fault <fault> ...] [--trace]
                  See 'reachy sim serve --help' for more information.

                """)
    }

    @Test func servesUntilSIGTERMThenRemovesTheLink() throws {
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("reachy-sim-cli-\(getpid())").path
        let (process, output, _) = try launch(["sim", "serve", "--link", link, "--fault", "missing=14", "--seed", "3"])
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while !text.contains("Ctrl-C") && Date() < deadline && process.isRunning {
            text += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        let device = try #require(try? FileManager.default.destinationOfSymbolicLink(atPath: link))
        #expect(device.hasPrefix("/dev/pts/"))
        #expect(
            text == """
                Reachy Mini simulator serving on \(device)
                Link: \(link) -> \(device)
                Motors 10–18 at 1000000 bps; faults: missing=14; seed 3
                Press Ctrl-C to stop.

                """)
        kill(process.processIdentifier, SIGTERM)
        let exitDeadline = Date().addingTimeInterval(15)
        while process.isRunning && Date() < exitDeadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            Issue.record("reachy sim serve did not exit within 15 s of SIGTERM")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return
        }
        text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text == "Stopped.\n")
        #expect(process.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: link))
    }
}

/// The `reachy` executable was not found next to the sources.
struct MissingBinary: Error, CustomStringConvertible {
    var description: String { "build the reachy executable first (swift build), then rerun the tests" }
}
