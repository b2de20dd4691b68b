import Foundation
import ReachyMotion
import Testing

/// Issue 13: a recorded file with absurd numbers — timestamps spanning 1e308 s, NaN-free but huge angles or
/// translations — is refused when it is loaded, naming the frame and the number, instead of playing forever or
/// storing the numbers as the robot's next start.
@Suite("Recorded moves with absurd numbers are refused")
struct RecordedMoveRefusalTests {
    static let identity = "[[1,0,0,0],[0,1,0,0],[0,0,1,0],[0,0,0,1]]"

    static func file(times: String, frames: [String]) -> Data {
        Data(#"{"description":"d","time":\#(times),"set_target_data":[\#(frames.joined(separator: ","))]}"#.utf8)
    }

    static func frame(head: String = identity, antennas: String = "[0,0]", bodyYaw: String = "0") -> String {
        #"{"head":\#(head),"antennas":\#(antennas),"body_yaw":\#(bodyYaw)}"#
    }

    @Test("timestamps spanning more than an hour (here 1e308 s) are refused")
    func absurdTimes() {
        do {
            _ = try RecordedMove(json: Self.file(times: "[0, 1e308]", frames: [Self.frame(), Self.frame()]))
            Issue.record("a move lasting 1e308 s was accepted")
        } catch {
            #expect(error == .tooLong(seconds: 1e308, maximum: 3600))
            #expect(
                error.description
                    == "The recorded move's timestamps span 1e+308 s; at most 3600 s can be played. "
                    + "\"time\" must list seconds from the start of the recording.")
        }
        #expect(throws: RecordedMoveError.tooLong(seconds: .infinity, maximum: 3600)) {
            try RecordedMove(json: Self.file(times: "[-1e308, 1e308]", frames: [Self.frame(), Self.frame()]))
        }
        // An hour is fine.
        #expect(throws: Never.self) {
            try RecordedMove(json: Self.file(times: "[0, 3600]", frames: [Self.frame(), Self.frame()]))
        }
    }

    @Test("huge angles and translations are refused, naming the frame and the number")
    func absurdFrames() {
        let cases: [(String, String)] = [
            (Self.frame(antennas: "[1e308,0]"), "the right antenna is 1e+308 rad, outside"),
            (Self.frame(bodyYaw: "-1e300"), "the body yaw is -1e+300 rad, outside"),
            (
                Self.frame(head: "[[1,0,0,0],[0,1,0,0],[0,0,1,1e300],[0,0,0,1]]"),
                "the head pose z is 1e+300 m, outside -1.0…1.0 m"
            ),
        ]
        for (bad, message) in cases {
            do {
                _ = try RecordedMove(json: Self.file(times: "[0, 1]", frames: [Self.frame(), bad]))
                Issue.record("accepted \(bad)")
            } catch {
                #expect(error.description.hasPrefix("Frame 1 of the recorded move is invalid: \(message)"), "\(error)")
            }
        }
    }
}
