import Bop
import ReachyMotion

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Benchmarks for Bop: compiling a 10,000-line program to a timeline, and evaluating (and sampling at
/// 50 Hz) a 10-minute dance. Run them from a release build (`reachy bench bop`).
public enum BopBenchmarks {
    /// A 10,000-line program mixing every kind of line.
    public static func tenThousandLineProgram() -> String {
        let pattern = [
            "look left 20", "nod", "tilt right 10 smoothly", "wiggle antennas 2 times", "say \"la la la\"",
            "look ahead", "turn left 30 for 2 beats", "turn back", "repeat 2 times", "  shake once", "end",
            "together", "  nod twice", "  wiggle antennas", "end", "dance yeah nod", "lower antennas 40",
            "raise antennas", "wait 1 beat", "tempo 110",
        ]
        var lines: [String] = []
        lines.reserveCapacity(10_000)
        while lines.count + pattern.count <= 10_000 { lines += pattern }
        while lines.count < 10_000 { lines.append("nod") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A dance that lasts exactly 10 minutes at 120 beats per minute (75 rounds of 16 beats).
    public static func tenMinuteDance() -> String {
        """
        tempo 120
        define move groove
          together
            dance groovy sway and roll
            turn right 20 for 4 beats
          end
          together
            dance simple nod
            turn left 30 for 4 beats
          end
          mirror
            together
              dance side glance flick
              say "yeah"
            end
          end
          together
            dance pendulum swing
            turn back for 4 beats
          end
        end
        repeat 75 times
          groove
        end

        """
    }

    /// Runs every benchmark `runs` times and reports best and median.
    public static func run(runs: Int = 7) -> [BenchmarkResult] {
        let big = tenThousandLineProgram()
        let bigOptions = BopOptions(seed: 1, horizonSeconds: 36_000)
        var segments = 0
        let compile = measure(runs) {
            segments = BopCompiler.compile(big, options: bigOptions).timeline?.segments.count ?? -1
        }
        var statements = 0
        let frontEnd = measure(runs) { statements = BopCompiler.parsedProgram(big).statements.count }
        let dance = tenMinuteDance()
        var danceSegments = 0
        var seconds = 0.0
        let evaluate = measure(runs) {
            let timeline = BopCompiler.compile(dance).timeline
            danceSegments = timeline?.segments.count ?? -1
            seconds = timeline?.duration.doubleValue ?? 0
        }
        var samples = 0
        let timeline = BopCompiler.compile(dance).timeline
        let sample = measure(runs) {
            samples = timeline.map { Sampler.sample($0).count } ?? 0
        }
        return [
            result("compile 10,000-line program to a timeline", compile, goal: 50, detail: "\(segments) segments"),
            result("  of which lexing and parsing", frontEnd, goal: 50, detail: "\(statements) top-level statements"),
            result(
                "evaluate a 10-minute dance", evaluate, goal: 2000,
                detail: "\(danceSegments) segments, \(Int(seconds)) s of dance"),
            result("sample the 10-minute dance at 50 Hz", sample, goal: 2000, detail: "\(samples) samples"),
        ]
    }

    /// A result: median, best and CPU milliseconds, with the goal and whether it was met in the note.
    private static func result(
        _ name: String, _ times: (best: Double, median: Double, cpu: Double), goal: Double, detail: String
    ) -> BenchmarkResult {
        let verdict = times.median <= goal ? "ok" : "SLOWER THAN GOAL"
        return BenchmarkResult(
            name: name,
            figures: [
                .init("median", times.median, "ms"), .init("best", times.best, "ms"), .init("CPU", times.cpu, "ms"),
            ],
            note: "goal < \(Int(goal)) ms, \(verdict) — \(detail)")
    }

    private static func measure(_ runs: Int, _ body: () -> Void) -> (best: Double, median: Double, cpu: Double) {
        let clock = ContinuousClock()
        var times: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<max(1, runs) {
            let before = ThreadCPUClock.seconds() * 1000
            let elapsed = clock.measure(body)
            cpu.append(ThreadCPUClock.seconds() * 1000 - before)
            times.append(elapsed.inSeconds * 1000)
        }
        times.sort()
        cpu.sort()
        return (times[0], times[times.count / 2], cpu[cpu.count / 2])
    }
}
