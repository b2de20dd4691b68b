import Bop
import Foundation
import ReachyBridge
import ReachyNews
import ReachySimulator
import Testing

/// Issue 13: whatever path a target takes to the robot — a goto, streamed targets, a recorded file loaded like
/// `reachy play` loads it, a Bop program, a news gesture — forward kinematics of every goal written to the
/// simulated bus is within the documented pose limits (|roll|, |pitch| ≤ 40°, |head yaw − body yaw| ≤ 65°, 0.01°
/// slack), as commanded and as whole position counts (``WrittenGoalAudit``). Seeded random and extreme inputs, on
/// the virtual clock (the HTTP and WebSocket paths: `WrittenGoalLimitsServiceTests` in ReachyServiceTests).
@Suite("Pose limits of every written goal, on every path")
struct WrittenGoalLimitsPropertyTests {
    /// Runs `body` on a fresh robot on the virtual clock and audits every goal written meanwhile.
    static func audit(_ body: @Sendable (ReachyMini, VirtualTimeSimulator) async throws -> Void) async throws
        -> WrittenGoalAudit
    {
        let virtual = VirtualTimeSimulator(rate: 100, freeRunning: false)
        var settings = virtual.options()
        settings.supplyTimeout = 0.5
        let options = settings
        let mini = try await virtual.ticks.drive { try await ReachyMini.connect(virtual.connection, options: options) }
        let reader = Task { () -> [JointVector] in
            var goals: [JointVector] = []
            for await tick in mini.telemetry(buffering: 10_000_000) { if let goal = tick.goal { goals.append(goal) } }
            return goals
        }
        do {
            try await body(mini, virtual)
        } catch {
            mini.close()
            _ = await reader.value
            throw error
        }
        virtual.ticks.advance(ticks: 30)
        // The bus holds the last goal written (whole counts of it).
        let last = try #require(mini.latest?.goal)
        for (index, id) in (UInt8(10)...18).enumerated() {
            let register = try #require(virtual.robot.bus.servo(id)?.goalPosition)
            #expect(Int(register) == DynamixelUnits.position(fromRadians: last.motorOrder[index]), "servo \(id)")
        }
        mini.close()
        var audit = WrittenGoalAudit()
        audit.add(await reader.value)
        return audit
    }

    /// A number from `range`, or one of its ends (extremes are what break limits).
    static func pick(_ range: ClosedRange<Double>, _ rng: inout ReachySimulator.SplitMix64) -> Double {
        switch rng.next() % 6 {
        case 0: return range.lowerBound
        case 1: return range.upperBound
        default: return range.lowerBound + rng.nextUnit() * (range.upperBound - range.lowerBound)
        }
    }

    /// A random head pose at and beyond the limits (angles in degrees, ranges well past the documented ones).
    static func extremeHead(_ rng: inout ReachySimulator.SplitMix64) -> HeadPose {
        .degrees(
            x: pick(-0.03...0.03, &rng), y: pick(-0.03...0.03, &rng), z: pick(-0.06...0.03, &rng),
            roll: pick(-60...60, &rng), pitch: pick(-60...60, &rng), yaw: pick(-200...200, &rng))
    }

    @Test("gotos and streamed targets, random and extreme (absurd numbers refused, nothing stored)")
    func gotosAndTargets() async throws {
        let audit = try await Self.audit { mini, virtual in
            var rng = ReachySimulator.SplitMix64(seed: 13)
            var refused = 0
            var invalid = 0
            for round in 0..<40 {
                let head = Self.extremeHead(&rng)
                let body = Self.pick(-3...3, &rng)
                let antennas = Antennas(right: Self.pick(-4...4, &rng), left: Self.pick(-4...4, &rng))
                let duration = 0.1 + rng.nextUnit() * 0.5
                do {
                    try await virtual.ticks.drive {
                        try await mini.goto(head: head, antennas: antennas, bodyYaw: body, duration: duration)
                    }
                } catch ReachyMiniError.unsafeTarget {
                    refused += 1
                }
                // A few streamed targets, some of them a single tick apart.
                for _ in 0..<5 {
                    do {
                        try mini.setTarget(
                            head: Self.extremeHead(&rng), antennas: nil,
                            bodyYaw: rng.next() % 3 == 0 ? nil : Self.pick(-3...3, &rng))
                    } catch ReachyMiniError.unsafeTarget {
                        refused += 1
                    }
                    virtual.ticks.advance(ticks: 1 + Int(rng.next() % 40))
                }
                // Absurd numbers: refused before anything moves.
                let absurd: [(HeadPose?, Antennas?, Double?)] = [
                    (nil, nil, round % 2 == 0 ? 1e308 : -1e308), (nil, Antennas(right: .nan, left: 0), nil),
                    (HeadPose(x: 0, y: 0, z: .infinity), nil, nil), (HeadPose(x: 1e308, y: 0, z: 0), nil, nil),
                ]
                let (h, a, b) = absurd[round % absurd.count]
                do {
                    try mini.setTarget(head: h, antennas: a, bodyYaw: b)
                    Issue.record("set_target accepted \(String(describing: h)), \(String(describing: a)), \(b ?? 0)")
                } catch ReachyMiniError.invalidTarget {
                    invalid += 1
                }
                do {
                    // Driven, so that a goto accepted by mistake ends instead of waiting for a stopped clock.
                    try await virtual.ticks.drive {
                        try await mini.goto(head: h, antennas: a, bodyYaw: b, duration: 0.2)
                    }
                    Issue.record("goto accepted \(String(describing: h)), \(String(describing: a)), \(b ?? 0)")
                } catch ReachyMiniError.invalidTarget {
                    invalid += 1
                }
            }
            #expect(invalid == 80)
            #expect(refused < 200, "many extreme targets are clamped and reached, not refused (\(refused) of 240)")
            // Still moving afterwards: nothing absurd was stored.
            try await virtual.ticks.drive { try await mini.goto(head: .degrees(roll: 10), bodyYaw: 0.2, duration: 0.5) }
            virtual.ticks.advance(ticks: 50)
            #expect(abs((mini.headPose?.euler.roll ?? 0) - 10 * .pi / 180) < 0.02)
        }
        print("Written goals, gotos and targets: \(audit)")
        #expect(audit.goals > 3000)
        #expect(audit.violations == 0, "\(audit)")
    }

    /// A recorded move's JSON (the dataset format `reachy play` reads) with random extreme frames.
    static func recordedFile(frames count: Int, _ rng: inout ReachySimulator.SplitMix64) -> String {
        var frames: [String] = []
        var times: [String] = []
        var t = 0.0
        for _ in 0..<count {
            let head = extremeHead(&rng)
            let rows = head.rows.map { "[" + $0.map { "\($0)" }.joined(separator: ",") + "]" }.joined(separator: ",")
            let antennas = "[\(pick(-3...3, &rng)),\(pick(-3...3, &rng))]"
            frames.append(#"{"head":[\#(rows)],"antennas":\#(antennas),"body_yaw":\#(pick(-3...3, &rng))}"#)
            times.append("\(t)")
            t += 0.05 + rng.nextUnit() * 0.3
        }
        return #"{"description":"extreme","time":[\#(times.joined(separator: ","))],"#
            + #""set_target_data":[\#(frames.joined(separator: ","))]}"#
    }

    @Test("recorded files as `reachy play` loads and plays them")
    func recordedFiles() async throws {
        let audit = try await Self.audit { mini, virtual in
            var rng = ReachySimulator.SplitMix64(seed: 42)
            for _ in 0..<4 {
                let move = try RecordedMove(json: Data(Self.recordedFile(frames: 30, &rng).utf8))
                try await virtual.ticks.drive { try await mini.play(move, initialGotoDuration: 0.3) }
            }
        }
        print("Written goals, recorded files: \(audit)")
        #expect(audit.goals > 1000)
        #expect(audit.violations == 0, "\(audit)")
    }

    /// Bop programs at and far past the kid limits: fixed extremes, every dance, and random statements.
    static func bopPrograms(_ rng: inout ReachySimulator.SplitMix64) -> [String] {
        var programs = [
            """
            level 3
            together
              tilt left 200
              look up 200
              look left 200
              turn left 300
            end
            together
              tilt right 200
              look down 200
              look right 200
              turn right 300
            end
            dance dizzy spin
            dance interwoven spirals
            dance headbanger combo
            """
        ]
        // One statement per axis inside `together` (roll, pitch, head yaw, body yaw), sizes up to 400°.
        let axes = [
            ["tilt left", "tilt right"], ["look up", "look down"], ["look left", "look right"],
            ["turn left", "turn right"],
        ]
        for _ in 0..<3 {
            var lines = ["level 3"]
            for _ in 0..<12 {
                lines.append("together")
                for axis in axes.shuffled(using: &rng).prefix(2 + Int(rng.next() % 3)) {
                    lines.append("  \(axis[Int(rng.next() % 2)]) \(Int(pick(0...400, &rng)))")
                }
                lines.append("end")
            }
            programs.append(lines.joined(separator: "\n"))
        }
        return programs
    }

    @Test("Bop programs as `reachy run` and the service play them")
    func bopPrograms() async throws {
        var rng = ReachySimulator.SplitMix64(seed: 7)
        let programs = Self.bopPrograms(&rng)
        var moves: [RecordedMove] = []
        for program in programs {
            let result = BopCompiler.compile(program)
            let timeline = try #require(result.timeline, "\(result.diagnostics)\n\(program)")
            moves.append(try BopMotion(timeline: timeline, rate: 50).move)
        }
        let all = moves
        let audit = try await Self.audit { mini, virtual in
            for move in all {
                try await virtual.ticks.drive { try await mini.play(move, initialGotoDuration: 0) }
            }
        }
        print("Written goals, Bop programs: \(audit)")
        #expect(audit.goals > 3000)
        #expect(audit.violations == 0, "\(audit)")
    }

    @Test("news gestures (the bundled library, random keyframes past the gesture limits, speech sway)")
    func newsGestures() async throws {
        var rng = ReachySimulator.SplitMix64(seed: 2025)
        var keyframes: [GestureKeyframe] = []
        var t = 0.0
        let library = try GestureLibrary.bundled()
        for name in library.gestures.keys.sorted() {
            for pose in library.poses(name) {
                var k = GestureKeyframe(gesture: name, anchor: "a", offset: 0, pose: pose)
                k.time = t
                keyframes.append(k)
                t += pose.duration
            }
        }
        for i in 0..<40 {
            let pose = GesturePose(
                roll: Self.pick(-90...90, &rng), pitch: Self.pick(-90...90, &rng), yaw: Self.pick(-200...200, &rng),
                right: Self.pick(-200...200, &rng), left: Self.pick(-200...200, &rng),
                duration: 0.05 + rng.nextUnit() * 0.5, easing: i % 2 == 0 ? .cartoon : .minjerk)
            var k = GestureKeyframe(gesture: "random", anchor: "r", offset: 0, pose: pose)
            k.time = t
            keyframes.append(k)
            t += pose.duration
        }
        let sway = stride(from: 0.0, through: t, by: 0.1).map {
            SwayFrame(
                time: $0, roll: Self.pick(-9...9, &rng), pitch: Self.pick(-9...9, &rng), yaw: Self.pick(-9...9, &rng))
        }
        let move = GestureMove(track: GestureTrack(keyframes: keyframes, sway: sway), start: 0, duration: t + 0.5)
        let audit = try await Self.audit { mini, virtual in
            try await virtual.ticks.drive { try await mini.play(move, initialGotoDuration: 0) }
        }
        print("Written goals, news gestures: \(audit)")
        #expect(audit.goals > 1000)
        #expect(audit.violations == 0, "\(audit)")
    }
}
