import Foundation
import ReachyTestSupport
import Testing

@Suite("reachy ik / fk / dance")
struct MotionCommandsTests {
    static let worked = [
        0, 0.8675318508731868, -0.7769621737372109, 1.1043309040906664, -0.975058249602993, 0.9160330474386166,
        -0.7243635326416665,
    ]

    @Test("ik --json prints the worked example's joints and no clamps")
    func ikJSON() throws {
        let r = try CLIRunner.run(["ik", "--z", "0.01", "--pitch", "10", "--yaw", "15", "--degrees", "--json"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let doc = try CLIRunner.json(r.stdout)
        let joints = try #require(doc["joints"] as? [Double])
        #expect(joints.count == 7)
        for (a, b) in zip(joints, Self.worked) { #expect(abs(a - b) < 1e-9) }
        #expect((doc["clamped"] as? [Any])?.isEmpty == true)
        #expect(r.stdout.hasPrefix(#"{"clamped":[],"joints":[0,0.86753185087318"#))
    }

    @Test("ik text output is a table in radians and degrees")
    func ikText() throws {
        let r = try CLIRunner.run(["ik", "--z", "0.01", "--pitch", "10", "--yaw", "15", "--degrees"])
        #expect(r.status == 0)
        #expect(
            r.stdout == """
                body   0.000000 rad   0.00°
                s1     0.867532 rad  49.71°
                s2    -0.776962 rad -44.52°
                s3     1.104331 rad  63.27°
                s4    -0.975058 rad -55.87°
                s5     0.916033 rad  52.48°
                s6    -0.724364 rad -41.50°

                """)
    }

    @Test("ik reports a clamped roll (negative values accepted after an option)")
    func ikClamp() throws {
        let r = try CLIRunner.run(["ik", "--roll", "-50", "--degrees", "--json"])
        #expect(r.status == 0)
        let clamped = try #require(try CLIRunner.json(r.stdout)["clamped"] as? [[String: Any]])
        #expect(clamped.count == 1)
        #expect(clamped.first?["joint"] as? String == "head.roll")
        #expect(abs((clamped.first?["requested"] as? Double ?? 0) + 50 * .pi / 180) < 1e-12)
        #expect(abs((clamped.first?["applied"] as? Double ?? 0) + 40 * .pi / 180) < 1e-12)
    }

    @Test("ik refuses an unreachable pose with exit status 1 and a clear message")
    func ikUnreachable() throws {
        let r = try CLIRunner.run(["ik", "--x", "0.08"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderr
                == "Error: Refusing to move: head pose (x 80 mm, y 0 mm, z 0 mm, roll 0°, pitch 0°, yaw 0°) is not "
                + "reachable (the rod of stewart_1 cannot reach). Use a pose closer to neutral: |x|,|y| ≲ 30 mm, "
                + "z in −40…+20 mm, roll/pitch within ±30°.\n")
    }

    @Test("fk --json turns the worked example's joints back into the pose")
    func fkJSON() throws {
        let r = try CLIRunner.run(["fk", "--json"] + Self.worked.map { String($0) })
        #expect(r.status == 0)
        let doc = try CLIRunner.json(r.stdout)
        let rpy = try #require(doc["rpy"] as? [Double])
        let xyz = try #require(doc["xyz"] as? [Double])
        let pose = try #require(doc["pose"] as? [[Double]])
        #expect(abs(rpy[0]) < 1e-9 && abs(rpy[1] - 10 * .pi / 180) < 1e-9 && abs(rpy[2] - 15 * .pi / 180) < 1e-9)
        #expect(abs(xyz[0]) < 1e-9 && abs(xyz[1]) < 1e-9 && abs(xyz[2] - 0.01) < 1e-9)
        #expect(pose.count == 4 && pose[3] == [0, 0, 0, 1])
        #expect(abs(pose[0][0] - 0.951251) < 1e-6 && abs(pose[0][1] + 0.258819) < 1e-6)
    }

    @Test("fk reports joints that no head pose satisfies (exit 1)")
    func fkImpossible() throws {
        let r = try CLIRunner.run(["fk", "0", "1.5", "1.5", "1.5", "1.5", "1.5", "1.5"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Error: Forward kinematics did not converge (rod-length residual "))
        #expect(
            r.stderr.hasSuffix(
                "m): these joint angles do not correspond to an assemblable head pose. Check the joint order "
                    + "[body, s1…s6] and units (rad).\n"))
    }

    @Test("ik --manual-body-yaw keeps the body and clamps the head yaw to 65° from it")
    func ikManualBodyYaw() throws {
        let auto = try CLIRunner.json(try CLIRunner.run(["ik", "--yaw", "100", "--degrees", "--json"]).stdout)
        #expect(abs(((auto["joints"] as? [Double])?.first ?? 0) - 35 * .pi / 180) < 1e-12)
        let r = try CLIRunner.run(["ik", "--yaw", "100", "--degrees", "--manual-body-yaw", "--json"])
        #expect(r.status == 0)
        let doc = try CLIRunner.json(r.stdout)
        #expect((doc["joints"] as? [Double])?.first == 0)
        let clamped = try #require(doc["clamped"] as? [[String: Any]])
        #expect(clamped.first?["joint"] as? String == "head.yaw")
    }

    @Test("fk with the wrong number of joints is a usage error (exit 64)")
    func fkUsage() throws {
        let r = CLIRunner.parse(["fk", "1", "2", "3"])
        #expect(r.status == 64)
        #expect(
            r.stderr == """
                Error: Expected 7 joint angles [body, s1…s6], got 3.
                Usage: reachy fk [<joints> ...] [--json]
                  See 'reachy fk --help' for more information.

                """)
    }

    @Test("dance --samples --json: N frames from t=0 to t=duration, equal to the library's")
    func danceSamples() throws {
        let r = try CLIRunner.run(["dance", "chin_lead", "--samples", "5", "--json"])
        #expect(r.status == 0)
        let doc = try CLIRunner.json(r.stdout)
        let duration = try #require(doc["duration"] as? Double)
        #expect(abs(duration - 4 * 60 / 114.0) < 1e-12)
        let samples = try #require(doc["samples"] as? [[String: Any]])
        #expect(samples.count == 5)
        #expect(samples.first?["t"] as? Double == 0)
        #expect(samples.last?["t"] as? Double == duration)
        // The reference file sampled the same dance at k/40 of the duration; k = 10·i lines up with ours.
        let refURL = RepositoryPaths.recordings.appendingPathComponent("dances_reference.json")
        let ref = try CLIRunner.json(String(decoding: try Data(contentsOf: refURL), as: UTF8.self))
        let cases = try #require(ref["cases"] as? [[String: Any]])
        let chin = try #require(cases.first { $0["name"] as? String == "chin_lead" && $0["bpm"] as? Double == 114 })
        let refSamples = try #require(chin["samples"] as? [[String: Any]])
        for (i, s) in samples.enumerated() {
            let expected = refSamples[10 * i]
            let head = try #require(s["head"] as? [[Double]]).flatMap { $0 }
            let refHead = try #require(expected["head"] as? [Double])
            for (a, b) in zip(head, refHead) { #expect(abs(a - b) < 1e-6) }
            let antennas = try #require(s["antennas"] as? [Double])
            let refAntennas = try #require(expected["antennas"] as? [Double])
            #expect(abs(antennas[0] - refAntennas[0]) < 1e-6 && abs(antennas[1] - refAntennas[1]) < 1e-6)
            #expect(s["body_yaw"] as? Double == 0)
        }
    }

    @Test("dance --list shows the 20 dances with beats and tempo")
    func danceList() throws {
        let r = try CLIRunner.run(["dance", "--list"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 20)
        #expect(
            lines.first
                == "simple_nod             4  beats @ 114 BPM = 2.11 s  A simple, continuous up-and-down nodding motion."
        )
        let fast = try CLIRunner.run(["dance", "--list", "--json", "--bpm", "57"])
        let dances = try #require(try CLIRunner.json(fast.stdout)["dances"] as? [[String: Any]])
        #expect(dances.count == 20)
        #expect(abs((dances.first?["duration"] as? Double ?? 0) - 4 * 60 / 57.0) < 1e-12)
    }

    @Test("dance errors: unknown name, bad beat count, too few samples")
    func danceErrors() throws {
        let unknown = try CLIRunner.run(["dance", "moonwalk", "--samples", "4"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("Error: Unknown dance \"moonwalk\". Available dances: simple_nod, "))
        let beats = CLIRunner.parse(["dance", "simple_nod", "--sim", "--beats", "0"])
        #expect(beats.status == 64)
        #expect(beats.stderr.hasPrefix("Error: --beats must be a positive number of beats (at most 10000).\n"))
        let few = CLIRunner.parse(["dance", "simple_nod", "--samples", "1"])
        #expect(few.status == 64)
        #expect(few.stderr.hasPrefix("Error: --samples must be at least 2 (first at t=0, last at t=duration).\n"))
    }
}
