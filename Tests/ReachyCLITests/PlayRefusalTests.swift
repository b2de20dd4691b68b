import Foundation
import Testing

/// Issue 13: `reachy play` of a file whose timestamps span 1e308 s, or whose numbers are absurd, stops with a clear
/// error before connecting to the robot (it used to start a move that would never end).
@Suite("reachy play refuses absurd files")
struct PlayRefusalTests {
    static func write(_ json: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("absurd-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return url.path
    }

    static let identity = "[[1,0,0,0],[0,1,0,0],[0,0,1,0],[0,0,0,1]]"

    @Test("times [0, 1e308] and an antenna at 1e308 rad are refused with the reason")
    func refused() throws {
        let cases: [(String, String)] = [
            (
                #"{"time":[0,1e308],"set_target_data":[{"head":\#(Self.identity),"antennas":[0,0]},"#
                    + #"{"head":\#(Self.identity),"antennas":[0,0]}]}"#,
                "Error: The recorded move's timestamps span 1e+308 s; at most 3600 s can be played."
            ),
            (
                #"{"time":[0,1],"set_target_data":[{"head":\#(Self.identity),"antennas":[0,0]},"#
                    + #"{"head":\#(Self.identity),"antennas":[1e308,0]}]}"#,
                "Error: Frame 1 of the recorded move is invalid: the right antenna is 1e+308 rad, outside"
            ),
        ]
        for (json, message) in cases {
            let path = try Self.write(json)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let r = try CLIRunner.run(["play", path, "--sim"])
            #expect(r.status != 0)
            #expect(r.stderr.hasPrefix(message), "\(r.stderr)")
            #expect(!r.stderr.contains("Playing"), "\(r.stderr)")
        }
    }
}
