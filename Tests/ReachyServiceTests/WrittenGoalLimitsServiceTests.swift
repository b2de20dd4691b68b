import Foundation
import HTTPTypes
import HummingbirdTesting
import ReachyBridge
import Testing

@testable import ReachyService

/// Issue 13, the HTTP and WebSocket paths: seeded random and extreme targets through `POST /api/move/goto`,
/// `POST /api/move/set_target`, `/api/move/ws/set_target` and `/ws/sdk` (`set_full_target`, `set_target`,
/// `goto_target`); forward kinematics of every goal the robot wrote meanwhile is within the documented pose limits
/// (|roll|, |pitch| ≤ 40°, |head yaw − body yaw| ≤ 65°, 0.01° slack), as commanded and as whole position counts.
/// Absurd numbers mixed in are refused (422 or an error reply). The other paths: `WrittenGoalLimitsPropertyTests`.
@Suite(.serialized) struct WrittenGoalLimitsServiceTests {
    typealias H = ServiceHarness

    static let tolerance = 0.01 * .pi / 180

    /// Worst |roll|, |pitch|, |head − body yaw| (radians) and the goals beyond the limits, FK followed tick by tick.
    static func audit(_ goals: [JointVector]) -> (worst: [Double], bad: [String]) {
        let limits = SafetyLimits.reachyMini
        var worst = [0.0, 0.0, 0.0]
        var bad: [String] = []
        func counts(_ v: Double) -> Double {
            DynamixelUnits.radians(fromPosition: DynamixelUnits.position(fromRadians: v))
        }
        for bus in [false, true] {
            var fk = ForwardKinematics()
            for (i, goal) in goals.enumerated() {
                let g = goal.head
                let joints =
                    bus
                    ? HeadJoints(
                        body: counts(g.body), s1: counts(g.s1), s2: counts(g.s2), s3: counts(g.s3), s4: counts(g.s4),
                        s5: counts(g.s5), s6: counts(g.s6)) : g
                guard let e = (try? fk.pose(for: joints))?.euler else {
                    bad.append("goal \(i) has no head pose")
                    continue
                }
                let r = e.yaw - joints.body
                let relative = r - 2 * .pi * ((r + .pi) / (2 * .pi)).rounded(.down)
                let values = [abs(e.roll), abs(e.pitch), abs(relative)]
                worst = zip(worst, values).map { max($0, $1) }
                let caps = [limits.maxHeadRoll, limits.maxHeadPitch, limits.maxRelativeYaw]
                if zip(values, caps).contains(where: { $0 > $1 + tolerance }), bad.count < 5 {
                    bad.append("goal \(i)\(bus ? " on the bus" : ""): \(values.map { $0 * 180 / .pi })°")
                }
            }
        }
        return (worst, bad)
    }

    static func pick(_ range: ClosedRange<Double>, _ rng: inout SplitMix64) -> Double {
        switch rng.next() % 6 {
        case 0: return range.lowerBound
        case 1: return range.upperBound
        default: return range.lowerBound + rng.nextUnit() * (range.upperBound - range.lowerBound)
        }
    }

    /// `{x, y, z, roll, pitch, yaw}` (meters, radians) at and beyond the limits.
    static func pose(_ rng: inout SplitMix64) -> (json: String, pose: HeadPose) {
        let d = Double.pi / 180
        let p = HeadPose(
            x: pick(-0.03...0.03, &rng), y: pick(-0.03...0.03, &rng), z: pick(-0.06...0.03, &rng),
            roll: pick(-60...60, &rng) * d, pitch: pick(-60...60, &rng) * d, yaw: pick(-200...200, &rng) * d)
        let e = p.euler
        let t = p.translation
        return (#"{"x":\#(t.x),"y":\#(t.y),"z":\#(t.z),"roll":\#(e.roll),"pitch":\#(e.pitch),"yaw":\#(e.yaw)}"#, p)
    }

    static func matrix(_ pose: HeadPose) -> String { "[" + pose.rowMajor.map { "\($0)" }.joined(separator: ",") + "]" }

    @Test func everyWrittenGoalIsWithinTheLimitsWhateverTheRequest() async throws {
        try await H.withService { client, service in
            let port = try #require(client.port)
            let robot = service.robot
            let reader = Task { () -> [JointVector] in
                var goals: [JointVector] = []
                for await tick in robot.telemetry(buffering: 10_000_000) {
                    if let goal = tick.goal { goals.append(goal) }
                }
                return goals
            }
            var rng = SplitMix64(seed: 1313)
            var refused = 0
            for round in 0..<6 {
                // HTTP goto, waiting until it has finished.
                let goto = Self.pose(&rng)
                let body = Self.pick(-3...3, &rng)
                let answer = try await H.call(
                    client, .post, "/api/move/goto",
                    json: #"{"head_pose":\#(goto.json),"body_yaw":\#(body),"antennas":[3,-3],"duration":0.3}"#)
                if answer.status == .unprocessableContent { refused += 1 } else { #expect(answer.status == .ok) }
                let ended = try await H.eventually(timeout: 20) {
                    try await H.call(client, .get, "/api/move/running").text == "[]"
                }
                #expect(ended, "round \(round): the goto did not end")
                // HTTP set_target, a few in a row.
                for _ in 0..<3 {
                    let target = Self.pose(&rng)
                    let answer = try await H.call(
                        client, .post, "/api/move/set_target",
                        json: #"{"target_head_pose":\#(target.json),"target_body_yaw":\#(Self.pick(-3...3, &rng))}"#)
                    if answer.status == .unprocessableContent { refused += 1 } else { #expect(answer.status == .ok) }
                    try await Task.sleep(for: .milliseconds(Int(rng.next() % 150)))
                }
                // An absurd one among them: refused, nothing stored.
                let absurd = [
                    #"{"target_body_yaw":1e308}"#, #"{"target_head_pose":{"roll":-1e300}}"#,
                    #"{"target_antennas":[1e308,0]}"#,
                ][round % 3]
                let no = try await H.call(client, .post, "/api/move/set_target", json: absurd)
                #expect(no.status == .unprocessableContent, "\(absurd): \(no.text)")
                // WebSocket streams: the move stream and the SDK socket.
                var stream: [String] = []
                var sdk: [String] = []
                for _ in 0..<4 {
                    let p = Self.pose(&rng)
                    stream.append(#"{"target_head_pose":\#(p.json),"target_body_yaw":\#(Self.pick(-3...3, &rng))}"#)
                    let q = Self.pose(&rng).pose
                    sdk.append(
                        #"{"type":"set_full_target","head":\#(Self.matrix(q)),"antennas":[-3,3],"#
                            + #""body_yaw":\#(Self.pick(-3...3, &rng))}"#)
                    sdk.append(#"{"type":"set_target","head":\#(Self.matrix(Self.pose(&rng).pose))}"#)
                }
                sdk.append(#"{"type":"set_full_target","head":null,"antennas":null,"body_yaw":1e308}"#)
                // The stream answers only errors: a last malformed message marks the end of the session. The SDK
                // socket sends the status when it opens; the commands sent before the close are still run.
                stream.append(#"{"target_antennas":[0.25]}"#)
                let replies = try await H.webSocket(port: port, path: "/api/move/ws/set_target", send: stream) {
                    !$0.isEmpty
                }
                #expect(replies.allSatisfy { $0.contains("error") }, "\(replies)")
                _ = try await H.webSocket(port: port, path: "/ws/sdk", send: sdk) { _ in true }
                let last = Self.matrix(Self.pose(&rng).pose)
                _ = try await H.webSocket(
                    port: port, path: "/ws/sdk",
                    send: [
                        #"{"type":"goto_target","head":\#(last),"body_yaw":\#(Self.pick(-3...3, &rng)),"duration":0.3}"#
                    ],
                    timeout: 1
                ) { _ in true }
            }
            // Still moving afterwards: nothing absurd was stored. (The goto waits for the last SDK goto to end: a goto
            // sent while a move runs is ignored, like the daemon does.)
            _ = try await H.eventually(timeout: 20) {
                try await H.call(client, .get, "/api/move/running").text == "[]"
            }
            let goto = try await H.call(
                client, .post, "/api/move/goto", json: #"{"head_pose":{"roll":0.1},"body_yaw":0.2,"duration":0.3}"#)
            #expect(goto.status == .ok, "\(goto.text)")
            let reached = await H.eventually(timeout: 30) { abs((robot.bodyYaw ?? 0) - 0.2) < 0.03 }
            let running = try await H.call(client, .get, "/api/move/running").text
            let state =
                "body \(robot.bodyYaw ?? .nan), goal \(robot.latest?.goal?.motorOrder ?? []), running \(running), "
                + "fault \(String(describing: robot.fault)), mode \(robot.motorMode)"
            #expect(reached, "\(state)")
            try await Task.sleep(for: .milliseconds(300))
            reader.cancel()
            let goals = await reader.value
            let (worst, bad) = Self.audit(goals)
            print(
                "Written goals, HTTP and WebSocket: \(goals.count) goals; worst |roll|, |pitch|, |head−body yaw| "
                    + "\(worst.map { $0 * 180 / .pi })°; \(refused) refused as unreachable; \(bad)")
            #expect(goals.count > 200)
            #expect(bad.isEmpty, "\(bad)")
        }
    }
}
