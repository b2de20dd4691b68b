import Testing

@testable import Bop

/// Properties of the timeline algebra: mirror twice is nothing, mirror swaps sides, durations add up.
@Suite struct MirrorAndAlgebraTests {
    static let moves = [
        "look left 30", "tilt right 15", "wiggle left antenna", "lower right antenna 40", "turn left 60",
        "dance side glance flick", "shake", "dance groovy sway", "raise left antenna 20",
    ]

    struct Motionless: Equatable {
        var start: Rational, duration: Rational, axis: Axis?, from: Double?, to: Double?
    }

    func shape(_ text: String) throws -> [Motionless] {
        let t = try #require(BopCompiler.compile(text).timeline)
        return t.segments.map {
            Motionless(start: $0.start, duration: $0.duration, axis: $0.axis, from: $0.from, to: $0.to)
        }
    }

    @Test(arguments: moves)
    func mirrorTwiceIsTheSameMove(_ move: String) throws {
        #expect(try shape("mirror\n  mirror\n    \(move)\n  end\nend\n") == shape(move + "\n"))
    }

    @Test(arguments: moves)
    func mirrorSwapsLeftAndRightAndKeepsTime(_ move: String) throws {
        let plain = try shape(move + "\n")
        let mirrored = try shape("mirror \(move)\n")
        #expect(plain.count == mirrored.count)
        // A move on both antennas lists its lanes in axis order, so compare in a fixed order.
        let order = { (s: Motionless) in [s.start.doubleValue, Double(s.axis?.order ?? -1)] }
        let expected = try plain.map { p in
            let (axis, sign) = try #require(p.axis).mirrored
            return Motionless(start: p.start, duration: p.duration, axis: axis, from: nil, to: (p.to ?? 0) * sign)
        }
        let got = mirrored.map {
            Motionless(start: $0.start, duration: $0.duration, axis: $0.axis, from: nil, to: $0.to)
        }
        #expect(
            expected.sorted { order($0).lexicographicallyPrecedes(order($1)) }
                == got.sorted { order($0).lexicographicallyPrecedes(order($1)) })
    }

    @Test func mirrorOfALeftOnlyProgramIsRightOnly() throws {
        let s = try shape("mirror\n  lower left antenna 30\n  wiggle left antenna\nend\n")
        #expect(s.allSatisfy { $0.axis == .antennaRight })
    }

    /// dur(repeat n B) = n · dur(B) for moves that come back to where they started.
    @Test(arguments: [1, 2, 5, 9])
    func repeatMultipliesDuration(_ n: Int) throws {
        for body in ["nod", "shake twice", "wiggle antennas 3 times", "dance yeah nod", "say \"hi there\""] {
            let one = try #require(BopCompiler.compile(body + "\n").timeline).duration
            let many = try #require(BopCompiler.compile("repeat \(n) times\n  \(body)\nend\n").timeline).duration
            #expect(many == Rational(Int64(n)) * one, "\(body)")
        }
    }

    /// dur(together A B) = max(dur A, dur B); dur(A then B) = dur A + dur B.
    @Test func togetherIsMaxAndSequenceIsSum() throws {
        let pairs = [
            ("nod 3 times", "wiggle antennas"), ("say \"a b c d e\"", "shake"), ("dance pendulum swing", "turn left"),
        ]
        for (a, b) in pairs {
            let da = try #require(BopCompiler.compile(a + "\n").timeline).duration
            let db = try #require(BopCompiler.compile(b + "\n").timeline).duration
            let both = try #require(BopCompiler.compile("together\n  \(a)\n  \(b)\nend\n").timeline).duration
            let seq = try #require(BopCompiler.compile("\(a)\n\(b)\n").timeline).duration
            #expect(both == max(da, db))
            #expect(seq == da + db)
        }
    }

    /// Clamping an already-safe program changes nothing and says nothing.
    @Test func safeProgramsGetNoWarnings() {
        for example in Fixtures.examplePrograms() {
            let result = BopCompiler.compile(example.text)
            #expect(result.diagnostics.isEmpty, "\(example.name): \(result.diagnostics.map(\.id))")
        }
    }
}
