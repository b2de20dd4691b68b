import Foundation
import ReachyMotion
import Testing

@testable import Bop

/// Bop's safety, easings and dances go through ReachyMotion: one source of truth for limits, curves and dances.
@Suite struct PlayerRoutingTests {
    static let degreesPerRadian = 180 / Double.pi

    @Test("Kid limits are derived from SafetyLimits and never wider")
    func kidLimitsInsideHardware() {
        let hw = SafetyLimits.reachyMini
        // The hardware ranges are ReachyMotion's numbers (40°, 65°, 160°, −50…+20 mm), not a copy.
        #expect(
            BopLimits.hardwareRange(of: .headRoll) == -hw.maxHeadRoll * Self.degreesPerRadian...hw.maxHeadRoll
                * Self.degreesPerRadian)
        #expect(abs(BopLimits.hardwareRange(of: .headYaw).upperBound - 65) < 1e-9)
        #expect(abs(BopLimits.hardwareRange(of: .bodyYaw).upperBound - 160) < 1e-9)
        #expect(BopLimits.hardwareRange(of: .headZ) == hw.headZ)
        for axis in Axis.allCases {
            let kid = BopLimits.range(of: axis)
            let hard = BopLimits.hardwareRange(of: axis)
            #expect(kid.lowerBound >= hard.lowerBound && kid.upperBound <= hard.upperBound, "\(axis)")
            #expect(kid.lowerBound < kid.upperBound, "\(axis)")
        }
        // Rotational speed caps stay within the motors' speed cap.
        for axis in Axis.allCases where !axis.isPosition {
            #expect(BopLimits.maximumSpeed(of: axis) <= hw.maxJointSpeed * Self.degreesPerRadian + 1e-9)
        }
    }

    @Test("Bop's easings are ReachyMotion's InterpolationMethod, with the daemon's wire names")
    func easingIsInterpolationMethod() throws {
        #expect(InterpolationMethod.allCases.map(\.rawValue) == ["linear", "minjerk", "ease_in_out", "cartoon"])
        let feels: [Feel: InterpolationMethod] = [
            .smoothly: .minjerk, .gently: .easeInOut, .bouncy: .cartoon, .steady: .linear, .snappy: .linear,
        ]
        for (feel, method) in feels { #expect(feel.easing == method, "\(feel)") }
        #expect(InterpolationMethod.cartoon.excursion.low < 0 && InterpolationMethod.cartoon.excursion.high > 1)
        #expect(InterpolationMethod.minjerk.excursion.low == 0 && InterpolationMethod.minjerk.excursion.high == 1)
        let timeline = try #require(BopCompiler.compile("level 6\nlook left 20 gently\n").timeline)
        #expect(timeline.segments.first?.easing == .easeInOut)
    }

    @Test("Dance lengths are the catalogue's beats at the program's tempo")
    func danceLengthsFromCatalog() throws {
        let catalog = try DanceCatalog.all()
        #expect(Dances.names == catalog.map(\.name).sorted())
        for info in catalog {
            #expect(Double(try #require(Dances.beats(of: info.name))) == info.beats)
        }
        let result = BopCompiler.compile("level 3\ntempo 90\ndance chicken peck\n")
        let timeline = try #require(result.timeline)
        let beats = try DanceCatalog.info(named: "chicken_peck").beats
        #expect(timeline.duration.doubleValue == beats * 60 / 90)
        #expect(timeline.dances.count == 1)
        #expect(abs((timeline.dances.first?.bpm ?? 0) - 90) < 1e-9)
    }

    @Test("Samples inside a dance are the exact DanceMove, mirrored under mirror")
    func sampledDanceIsExact() throws {
        let plain = try #require(BopCompiler.compile("level 3\ntempo 114\ndance uh huh tilt\n").timeline)
        let mirrored = try #require(
            BopCompiler.compile("level 4\ntempo 114\nmirror\n  dance uh huh tilt\nend\n").timeline)
        let dance = try DanceMove("uh_huh_tilt", bpm: 114)
        let a = Sampler.sample(plain)
        let b = Sampler.sample(mirrored)
        #expect(a.count == b.count && a.count > 50)
        var moved = false
        for (sa, sb) in zip(a, b) where sa.time < dance.duration {
            let o = dance.offsets(at: sa.time)
            let limits = BopLimits.range(of: .headRoll)
            let roll = min(max(o.orientation.roll * Self.degreesPerRadian, limits.lowerBound), limits.upperBound)
            #expect(abs(sa.value(.headRoll) - roll) < 1e-9, "t=\(sa.time)")
            #expect(abs(sb.value(.headRoll) + roll) < 1e-9, "t=\(sa.time)")
            if abs(roll) > 5 { moved = true }
        }
        #expect(moved)
    }

    @Test("Every frame played passes SafeKinematics; changes are warnings on their line")
    func motionGoesThroughSafeKinematics() throws {
        let text = "level 2\nlook left 90 degrees in 0.1 seconds\ntilt right 80 degrees\nlook up 70 degrees\n"
        let timeline = try #require(BopCompiler.compile(text).timeline)
        let motion = try BopMotion(timeline: timeline)
        #expect(motion.frames.count == Sampler.sample(timeline).count)
        let limits = SafetyLimits.reachyMini
        for goals in motion.goals {
            for motor in ReachyMotor.allCases { #expect(limits.range(of: motor).contains(goals[motor])) }
        }
        // Each frame's goals are what SafeKinematics gives for it (nothing bypasses the check).
        let safe = SafeKinematics(automaticBodyYaw: false)
        for (frame, goals) in zip(motion.frames, motion.goals).prefix(40) {
            let expected = try safe.motorGoals(head: frame.head, antennas: frame.antennas, bodyYaw: frame.bodyYaw)
            #expect(expected.value == goals)
        }
        // look left ends at +60° (kid limit) of yaw: +yaw is to the left (docs/motion.md).
        let yawAfterLine2 = motion.frames[Int(0.5 * 50)].head.euler.yaw * Self.degreesPerRadian
        #expect(abs(yawAfterLine2 - 60) < 1e-6)
        // The pose of line 4 (roll 30°, pitch −30°, yaw 60°) cannot be reached: refused on line 4 or held.
        #expect(motion.warnings.contains { $0.line == 4 })
        #expect(motion.warnings.allSatisfy { (2...4).contains($0.line) })
    }

    @Test("Sounds are generated from a small table; unknown names are an error with a suggestion")
    func sounds() throws {
        for name in SoundLibrary.names {
            let pcm = SoundLibrary.samples(name, sampleRate: 16_000, seconds: 1)
            #expect(pcm.count > 1_000 && pcm.count <= 16_000, "\(name)")
            #expect((pcm.map { abs(Int($0)) }.max() ?? 0) > 5_000, "\(name)")
        }
        #expect(SoundLibrary.samples("chime", sampleRate: 16_000, seconds: 0.1).count == 1_600)
        #expect(SoundLibrary.resolve("Dance 1") == "dance1")
        let result = BopCompiler.compile("level 2\nplay sound bep\n")
        let error = try #require(result.diagnostics.first)
        #expect(error.id == "unknown-sound" && error.range.line == 2)
        #expect(error.suggestion.contains("beep"))
    }

    @Test("Programs cannot reach files or the network: no such words exist")
    func noFilesOrNetwork() {
        for program in [
            "open file \"secret.txt\"", "read \"/etc/passwd\"", "download \"http://example.com\"",
            "play sound \"/etc/passwd\"", "play sound \"../x.wav\"", "fetch \"https://x\"", "save \"x\" to file",
        ] {
            let result = BopCompiler.compile("level 6\n" + program + "\n")
            #expect(result.hasErrors, "\(program)")
            #expect(result.timeline == nil)
        }
    }
}
