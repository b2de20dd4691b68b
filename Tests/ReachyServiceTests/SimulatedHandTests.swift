import Foundation
import ReachyTestSupport
import Testing

/// `reachy serve --sim` moves while the motors are off, as the official simulators do (so clients tested against
/// them, such as the TurboWarp extension's suite, see the same), and says a real robot would not have moved;
/// `--sim-real-torque` keeps a real robot's behaviour: nothing moves.
@Suite(.serialized) struct SimulatedHandTests {
    /// The antennas (right, left) in radians, from `/api/state/full`.
    static func antennas(_ server: ServeBinary) async throws -> [Double] {
        let answer = try await server.request("GET", "/api/state/full?with_antenna_positions=true")
        let state = try HTTP.json(answer.body)
        return try #require(state["antennas_position"] as? [Double], "\(answer.body)")
    }

    static func gotoWithMotorsOff(_ server: ServeBinary) async throws -> String {
        let off = try await server.request("POST", "/api/motors/set_mode/disabled")
        #expect(off.status == 200, "\(off.body)")
        let goto = try await server.request(
            "POST", "/api/move/goto", body: #"{"antennas":[0.5,-0.4],"duration":0.4}"#)
        #expect(goto.status == 200, "\(goto.body)")
        try await Task.sleep(for: .seconds(1.2))
        let status = try HTTP.json(try await server.request("GET", "/api/daemon/status").body)
        #expect((status["backend_status"] as? [String: Any])?["motor_control_mode"] as? String == "disabled")
        return try #require(status["notice"] as? String)
    }

    @Test func theSimulatorMovesWithItsMotorsOffLikeTheOfficialOnesAndSaysSo() async throws {
        let server = try await ServeBinary.startSimulator()
        defer { server.terminateNow() }
        let notice = try await Self.gotoWithMotorsOff(server)
        let now = try await Self.antennas(server)
        #expect(abs(now[0] - 0.5) < 0.01 && abs(now[1] + 0.4) < 0.01, "\(now)")
        #expect(notice.contains("moved the simulator only") && notice.contains("a real robot would not"), "\(notice)")
        // The joint limits hold for the hand too: an antenna asked past its limit stays within it.
        let far = try await server.request("POST", "/api/move/set_target", body: #"{"target_antennas":[9,0]}"#)
        #expect(far.status == 200 || far.status == 422, "\(far.body)")
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await Self.antennas(server)[0] < 3.2)
    }

    @Test func withRealTorqueNothingMovesWhileTheMotorsAreOff() async throws {
        let server = try await ServeBinary.startSimulator(["--sim-real-torque"])
        defer { server.terminateNow() }
        let before = try await Self.antennas(server)
        let notice = try await Self.gotoWithMotorsOff(server)
        let after = try await Self.antennas(server)
        #expect(zip(before, after).allSatisfy { abs($0 - $1) < 0.02 }, "\(before) → \(after)")
        #expect(notice.contains("1 command moved nothing (last: goto)"), "\(notice)")
    }

    /// A recorded-move dataset played with the motors off: the simulator's hand plays it too (its antennas end
    /// where the move ends), like the official simulators.
    @Test func aDatasetMoveWithTheMotorsOffIsPlayedByTheHand() async throws {
        let temp = try TemporaryDirectory("hand-dataset")
        let dataset = "test-org/test-emotions"
        let moves = try MoveDatasetFixture.movesDirectory(under: temp.url, dataset: dataset)
        let server = try await ServeBinary.startSimulator(["--moves-dir", moves.path])
        defer { server.terminateNow() }
        let off = try await server.request("POST", "/api/motors/set_mode/disabled")
        #expect(off.status == 200)
        let play = try await server.request("POST", "/api/move/play/recorded-move-dataset/\(dataset)/happy")
        #expect(play.status == 200, "\(play.body)")
        #expect((try HTTP.json(play.body)["notice"] as? String)?.contains("moved the simulator only") == true)
        try await Task.sleep(for: .seconds(1.6))
        let now = try await Self.antennas(server)
        #expect(abs(now[0] - 0.6) < 0.03 && abs(now[1] + 0.6) < 0.03, "\(now)")
    }
}
