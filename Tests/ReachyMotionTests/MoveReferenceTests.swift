import Foundation
import Testing

@testable import ReachyMotion

struct InterpolationReference: Decodable {
    struct PoseCase: Decodable {
        var start: [Double]
        var target: [Double]
        var alphas: [Double]
        var geodesic: [[Double]]
        var yaw_as_scalar: [[Double]]
    }
    struct GotoCase: Decodable {
        var start_head: [Double]
        var target_head: [Double]
        var start_antennas: [Double]
        var target_antennas: [Double]
        var start_body_yaw: Double
        var target_body_yaw: Double
        var duration: Double
        var method: String
        var samples: [ReferenceFrame]
    }
    var s: [Double]
    var time_trajectory: [String: [Double]]
    var pose_interpolation: [PoseCase]
    var goto: [GotoCase]
}

@Suite("Interpolation and goto moves against reachy-mini 1.13.0")
struct InterpolationReferenceTests {
    let reference: InterpolationReference

    init() throws {
        reference = try TestData.load(InterpolationReference.self, "interpolation_reference.json")
    }

    @Test("time_trajectory of every method", arguments: InterpolationMethod.allCases)
    func timeTrajectory(method: InterpolationMethod) throws {
        let expected = try #require(reference.time_trajectory[method.rawValue])
        let got = reference.s.map { method.value(at: $0) }
        #expect(maxAbsDifference(got, expected) < 1e-12)
    }

    @Test("closed forms at characteristic points")
    func closedForms() {
        #expect(InterpolationMethod.minjerk.value(at: 0.5) == 0.5)
        #expect(InterpolationMethod.easeInOut.value(at: 0.25) == 0.125)
        // The cartoon curve dips below 0 early and overshoots 1 late.
        #expect(InterpolationMethod.cartoon.value(at: 0.1) < 0)
        #expect(InterpolationMethod.cartoon.value(at: 0.9) > 1)
        // Out-of-range and NaN progress are clamped instead of crashing.
        #expect(InterpolationMethod.minjerk.value(at: 2) == 1)
        #expect(InterpolationMethod.linear.value(at: .nan) == 0)
    }

    @Test("linear_pose_interpolation, geodesic and yaw-as-scalar, including extrapolation")
    func poseInterpolation() throws {
        for c in reference.pose_interpolation {
            let a = try HeadPose(rowMajor: c.start)
            let b = try HeadPose(rowMajor: c.target)
            for (i, alpha) in c.alphas.enumerated() {
                let g = PoseInterpolation.interpolate(from: a, to: b, alpha: alpha)
                #expect(maxAbsDifference(g.rowMajor, c.geodesic[i]) < 1e-9)
                let y = PoseInterpolation.interpolate(from: a, to: b, alpha: alpha, yawAsScalar: true)
                #expect(maxAbsDifference(y.rowMajor, c.yaw_as_scalar[i]) < 1e-9)
            }
        }
    }

    @Test("a yaw from −150° to +150° goes through the front with yaw as a scalar")
    func yawThroughTheFront() {
        let a = HeadPose.degrees(yaw: -150)
        let b = HeadPose.degrees(yaw: 150)
        let mid = PoseInterpolation.interpolate(from: a, to: b, alpha: 0.5, yawAsScalar: true)
        #expect(abs(mid.euler.yaw) < 1e-9)
        let geodesic = PoseInterpolation.interpolate(from: a, to: b, alpha: 0.5)
        #expect(abs(abs(geodesic.euler.yaw) - .pi) < 1e-9)
    }

    @Test("GotoMove.evaluate matches at 11 instants for 12 random moves")
    func gotoMoves() throws {
        for c in reference.goto {
            let method = try #require(InterpolationMethod(rawValue: c.method))
            let start = MoveFrame(
                head: try HeadPose(rowMajor: c.start_head), antennas: try Antennas(c.start_antennas),
                bodyYaw: c.start_body_yaw)
            let move = try GotoMove(
                from: start, head: try HeadPose(rowMajor: c.target_head), antennas: try Antennas(c.target_antennas),
                bodyYaw: c.target_body_yaw, duration: c.duration, method: method)
            #expect(move.duration == c.duration)
            for s in c.samples {
                #expect(frameDifference(move.evaluate(s.t), s) < 1e-9, "\(c.method) t=\(s.t)")
            }
        }
    }

    @Test("samples(count:) spans exactly 0…duration")
    func samples() throws {
        let start = MoveFrame(head: .identity, antennas: .zero, bodyYaw: 0)
        let move = try GotoMove(from: start, head: HeadPose(z: 0.01), duration: 0.7, method: .linear)
        let five = move.samples(count: 5)
        #expect(maxAbsDifference(five.map(\.t), [0, 0.175, 0.35, 0.525, 0.7]) < 1e-15)
        #expect(five[0].t == 0 && five[4].t == 0.7)
        #expect(abs(five[2].frame.head.translation.z - 0.005) < 1e-15)
        #expect(five[4].frame.head.translation.z == 0.01)
        #expect(move.samples(count: 1).map(\.t) == [0])
        #expect(move.samples(count: 0).isEmpty)
    }

    @Test("GotoMove refuses a zero duration and NaN targets")
    func gotoValidation() {
        let start = MoveFrame(head: .identity, antennas: .zero, bodyYaw: 0)
        #expect(throws: MoveError.invalidDuration(0)) { try GotoMove(from: start, duration: 0) }
        #expect(throws: MoveError.notFinite(what: "target")) {
            try GotoMove(from: start, bodyYaw: .nan, duration: 1)
        }
    }
}

struct RecordedMoveReference: Decodable {
    var file: String
    var duration: Double
    var samples: [ReferenceFrame]
}

@Suite("Recorded moves (official dataset JSON format)")
struct RecordedMoveTests {
    @Test func aMoveBuiltInMemoryLongerThanAnHourIsRefused() {
        let frame = MoveFrame(head: .identity, antennas: .zero, bodyYaw: 0)
        #expect(throws: RecordedMoveError.tooLong(seconds: 1e308, maximum: 3600)) {
            try RecordedMove(description: "d", times: [0, 1e308], frames: [frame, frame])
        }
        #expect(throws: Never.self) { try RecordedMove(description: "d", times: [0, 3600], frames: [frame, frame]) }
    }

    @Test("the example move evaluates like the SDK's RecordedMove")
    func exampleMatchesReference() throws {
        let reference = try TestData.load(RecordedMoveReference.self, "recorded_move_reference.json")
        let move = try RecordedMove(contentsOf: TestData.repositoryRoot.appendingPathComponent(reference.file))
        #expect(abs(move.duration - reference.duration) < 1e-12)
        #expect(move.frames.count == 50)
        for s in reference.samples {
            #expect(frameDifference(move.evaluate(s.t), s) < 1e-9, "t=\(s.t)")
        }
        // Past the end the last frame is held.
        #expect(move.evaluate(99) == move.frames[move.frames.count - 1])
    }

    @Test("flat 16-number heads and a missing body_yaw are accepted")
    func flatHead() throws {
        let json = """
            {"description": "d", "time": [0, 0.5],
             "set_target_data": [{"head": [1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1], "antennas": [0, 0]},
                                 {"head": [1,0,0,0, 0,1,0,0, 0,0,1,0.01, 0,0,0,1], "antennas": [1, -1], "body_yaw": 0.2}]}
            """
        let move = try RecordedMove(json: Data(json.utf8))
        let mid = move.evaluate(0.25)
        #expect(abs(mid.head.translation.z - 0.005) < 1e-15)
        #expect(mid.antennas == Antennas(right: 0.5, left: -0.5))
        #expect(abs(mid.bodyYaw - 0.1) < 1e-15)
    }

    /// A two-frame file with one absurd number, and the field the error must name.
    struct AbsurdFile: Sendable, CustomTestStringConvertible {
        var times = "[0, 1]"
        var head = "[1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1]"
        var antennas = "[0, 0]"
        var bodyYaw = "0"
        var field: String
        var shown: String
        var testDescription: String { "\(field) = \(shown)" }
        var json: String {
            let frame = #"{"head": \#(head), "antennas": \#(antennas), "body_yaw": \#(bodyYaw)}"#
            return #"{"time": \#(times), "set_target_data": [\#(frame), \#(frame)]}"#
        }
    }

    @Test(
        "absurd times and values are refused at load, naming the field and what is allowed",
        arguments: [
            AbsurdFile(times: "[0, 1e308]", field: "time[1]", shown: "1e+308"),
            AbsurdFile(times: "[-1, 0]", field: "time[0]", shown: "-1.0"),
            AbsurdFile(times: "[0, 3600.5]", field: "time[1]", shown: "3600.5"),
            AbsurdFile(times: "[1, 0.5]", field: "time[1]", shown: "0.5"),
            AbsurdFile(
                head: "[1,0,0,1e300, 0,1,0,0, 0,0,1,0, 0,0,0,1]", field: "set_target_data[0].head (translation x)",
                shown: "1e+300"),
            AbsurdFile(antennas: "[0, 1e10]", field: "set_target_data[0].antennas[1]", shown: "10000000000.0"),
            AbsurdFile(bodyYaw: "-7", field: "set_target_data[0].body_yaw", shown: "-7.0"),
        ])
    func absurdNumbers(_ file: AbsurdFile) throws {
        do {
            let move = try RecordedMove(json: Data(file.json.utf8))
            Issue.record("accepted \(file.json): duration \(move.duration) s")
        } catch {
            guard case .outOfRange(let named, _, let allowed) = error else {
                Issue.record("expected an out-of-range error, got \(error)")
                return
            }
            #expect(named == file.field)
            #expect(!allowed.isEmpty)
            #expect(error.description.hasPrefix("The recorded move's \(file.field) is \(file.shown); allowed: "))
            #expect(error.description.hasSuffix("Fix the file, or record it again with `reachy record`."))
        }
    }

    @Test("the one-hour limit is in the message for a time too large")
    func durationLimitMessage() {
        let json =
            #"{"time": [0, 1e308], "set_target_data": ["#
            + Array(repeating: #"{"head": [1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1], "antennas": [0, 0]}"#, count: 2)
            .joined(separator: ", ") + "]}"
        #expect(throws: RecordedMoveError.self) { try RecordedMove(json: Data(json.utf8)) }
        #expect(
            RecordedMoveError.outOfRange(field: "time[1]", value: 1e308, allowed: "x").description
                == "The recorded move's time[1] is 1e+308; allowed: x. Fix the file, or record it again with "
                + "`reachy record`.")
        do {
            _ = try RecordedMove(json: Data(json.utf8))
        } catch {
            #expect(error.description.contains("seconds from 0 to 3600 (a recording lasts at most one hour)"))
        }
    }

    @Test("malformed files give clear errors")
    func malformed() {
        #expect(throws: RecordedMoveError.countMismatch(times: 2, frames: 1)) {
            try RecordedMove(
                json: Data(
                    #"{"time": [0, 1], "set_target_data": [{"head": [1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1], "antennas": [0,0]}]}"#
                        .utf8))
        }
        #expect(throws: RecordedMoveError.empty) {
            try RecordedMove(json: Data(#"{"time": [], "set_target_data": []}"#.utf8))
        }
        do {
            _ = try RecordedMove(
                json: Data(#"{"time": [0], "set_target_data": [{"head": [1,2,3], "antennas": [0,0]}]}"#.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(
                error == .invalidFrame(index: 0, reason: PoseError.wrongShape(description: "3 numbers").description))
            #expect(
                error.description.hasPrefix("Frame 0 of the recorded move is invalid: A head pose must be a 4×4 matrix")
            )
        }
        do {
            _ = try RecordedMove(json: Data("not json".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("Not a recorded move:"))
        }
    }
}
