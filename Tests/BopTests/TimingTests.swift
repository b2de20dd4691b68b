import Testing

@testable import Bop

/// Timings computed by hand (exact fractions of a second), so a wrong clock cannot hide in a golden file.
@Suite struct TimingTests {
    func timeline(_ text: String, seed: UInt64 = 1) throws -> Timeline {
        let result = BopCompiler.compile(text, options: BopOptions(seed: seed))
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
        return try #require(result.timeline)
    }

    @Test func nodTwiceAt110BeatsPerMinuteIsTwelveElevenths() throws {
        // 2 nods × 1 beat × 60/110 s = 12/11 s; each dip half a beat = 3/11 s.
        let t = try timeline("tempo 110\nnod twice\n")
        #expect(t.duration == Rational(12, 11))
        #expect(t.segments.count == 4)
        #expect(t.segments.map(\.start) == [.zero, Rational(3, 11), Rational(6, 11), Rational(9, 11)])
        #expect(t.segments.allSatisfy { $0.duration == Rational(3, 11) && $0.axis == .headPitch })
    }

    @Test func seventyBeatsPerMinuteDoesNotDrift() throws {
        // 70 waits of one beat at 70 bpm is exactly 60 s (a millisecond clock would drift to 59.99 s).
        let t = try timeline("tempo 70\nrepeat 70 times\n  wait 1 beat\nend\nnod once\n")
        #expect(t.segments.first?.start == Rational(60))
    }

    @Test func togetherEndsWithItsLongestLine() throws {
        // nod twice = 2 beats, wiggle 4 times = 4 beats, "boom boom" = 2 words × 2/5 + 1/5 = 1 s; at 110 bpm the
        // block lasts 4 × 60/110 = 24/11 s and the next line starts then.
        let t = try timeline(
            "tempo 110\ntogether\n  nod twice\n  wiggle antennas 4 times\n  say \"boom boom\"\nend\nlook left\n")
        let voice = try #require(t.segments.first { $0.track == .voice })
        #expect(voice.duration == Rational(1))
        #expect(voice.start == .zero)
        let look = try #require(t.segments.first { $0.line == 7 })
        #expect(look.start == Rational(24, 11))
        #expect(t.duration == Rational(24, 11) + Rational(6, 11))
    }

    @Test func speechEstimates() throws {
        #expect(try timeline("say \"hello world\"\n").duration == Rational(1))  // 2 × 2/5 + 1/5
        #expect(try timeline("说 \"你好\"\n").duration == Rational(7, 10))  // 2 × 1/4 + 1/5
        #expect(try timeline("说 \"我是 Reachy\"\n").duration == Rational(19, 20))  // 3 units × 1/4 + 1/5
    }

    @Test func speedScalesMovesButNotWaits() throws {
        // One beat at 120 bpm is 1/2 s; at speed 200 % a look takes 1/4 s; the wait stays 2 s.
        let t = try timeline("speed 200\nlook left\nwait 2 seconds\nlook right\n")
        #expect(t.segments[0].duration == Rational(1, 4))
        #expect(t.segments[1].start == Rational(1, 4) + Rational(2))
        #expect(t.duration == Rational(5, 2))
    }

    @Test func explicitSecondsAndBeats() throws {
        let t = try timeline("look left 30 in 2 seconds\ntempo 60\nlook right for 3 beats\n")
        #expect(t.segments[0].duration == Rational(2))
        #expect(t.segments[0].to == 30)
        #expect(t.segments[1].duration == Rational(3))
        #expect(t.segments[1].to == -30)
    }

    @Test func officialDanceLengthComesFromItsBeats() throws {
        // simple_nod is 4 beats; at 114 bpm that is 240/114 = 40/19 s.
        let t = try timeline("tempo 114\ndance simple nod\n")
        #expect(t.duration == Rational(40, 19))
        // jackson_square is 10 beats: 5 s at 120 bpm.
        #expect(try timeline("dance jackson square\n").duration == Rational(5))
    }

    @Test func aBareNumberCountsSwingsAndDegreesSizeThem() throws {
        let counted = try timeline("nod 3\n")
        #expect(counted.segments.count == 6 && counted.duration == Rational(3, 2))
        let sized = try timeline("nod 30 degrees\n")
        #expect(sized.segments.count == 4 && sized.segments.allSatisfy { ($0.from ?? 0) == 30 || ($0.to ?? 0) == 30 })
        #expect(try timeline("look left 30\n").segments.first?.to == 30)
    }

    @Test func repeatCounterAndMath() throws {
        let t = try timeline("repeat 3 times with n\n  look left n * 10\nend\n")
        #expect(t.segments.map(\.to) == [10, 20, 30])
    }

    @Test func clampingKeepsTheLimitAndWarnsOnTheLine() throws {
        let result = BopCompiler.compile("nod\nlook left 200\n")
        let t = try #require(result.timeline)
        #expect(t.segments.last?.to == 60)
        let warning = try #require(result.diagnostics.first)
        #expect(warning.id == "clamped" && warning.severity == .warning && warning.range.line == 2)
        #expect(warning.message == "As far left as my head can go is 60°, so I stopped there. (You asked for 200°.)")
    }

    @Test func tooFastIsStretchedNotSkipped() throws {
        // 10 nods of 15° in 0.5 s: each dip 0.025 s → 600°/s; capped at 250°/s → 2.4 × longer = 1.2 s.
        let result = BopCompiler.compile("nod 10 times in 0.5 seconds\n")
        #expect(try #require(result.timeline).duration == Rational(6, 5))
        #expect(result.diagnostics.map(\.id) == ["slowed"])
    }

    @Test func foreverStopsAtTheHorizonWithANote() throws {
        let result = BopCompiler.compile("forever\n  nod\nend\n", options: BopOptions(horizonSeconds: 10))
        let t = try #require(result.timeline)
        #expect(t.truncated)
        #expect(t.duration == Rational(10))  // 10 rounds of one 1-second nod
        #expect(result.diagnostics.map(\.id) == ["horizon"])
        #expect(result.diagnostics.first?.severity == .note)
    }

    @Test func stopEndsTheLoopAndTheProgramGoesOn() throws {
        let t = try timeline(
            "set n to 0\nforever\n  nod once\n  change n by 1\n  if n is 3\n    stop\n  end\nend\nsay \"done\"\n")
        #expect(t.segments.filter { $0.axis == .headPitch }.count == 6)  // 3 nods × 2 dips
        #expect(t.segments.last?.text == "done")
        #expect(t.segments.last?.start == Rational(3, 2))
    }

    @Test func seededRandomnessIsRepeatable() throws {
        let text = "repeat 5 times\n  turn left random 10 to 90\n  pick nod or shake\nend\n"
        let a = try timeline(text, seed: 42)
        let b = try timeline(text, seed: 42)
        let c = try timeline(text, seed: 43)
        #expect(a == b)
        #expect(a.segments.map(\.to) != c.segments.map(\.to))
        for s in a.segments where s.axis == .bodyYaw && s.line == 2 {
            #expect((10...90).contains(s.to ?? 0))
            #expect(s.to == s.to?.rounded())
        }
    }

    @Test func sampledAtFiftyHertz() throws {
        let t = try timeline("look left 30 steady\n")
        let samples = Sampler.sample(t)
        #expect(samples.count == 26)  // 0, 0.02, …, 0.5
        #expect(abs(samples[13].value(.headYaw) - 15.6) < 1e-9)  // linear: 0.26 s of 0.5 s → 52 % of 30°
        #expect(samples.last?.value(.headYaw) == 30)
    }

    @Test func headYawIsRelativeToTheBody() throws {
        let t = try timeline("together\n  turn left 90\n  look left 60\nend\n")
        let last = try #require(Sampler.sample(t).last)
        #expect(last.value(.bodyYaw) == 90)
        #expect(last.absoluteHeadYaw == 150)
    }
}
