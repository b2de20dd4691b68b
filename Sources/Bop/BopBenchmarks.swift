#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One benchmark measurement.
public struct BopBenchmarkResult: Sendable, CustomStringConvertible {
    /// What was measured.
    public var name: String
    /// The fastest of the runs, in milliseconds.
    public var bestMilliseconds: Double
    /// The median of the runs, in milliseconds.
    public var medianMilliseconds: Double
    /// The goal, in milliseconds.
    public var goalMilliseconds: Double
    /// The median CPU time of this thread, in milliseconds (unaffected by other processes on a busy machine).
    public var medianCPUMilliseconds: Double
    /// A size figure for context (lines, segments, samples).
    public var detail: String

    public var description: String {
        let verdict = medianMilliseconds <= goalMilliseconds ? "ok" : "SLOWER THAN GOAL"
        return
            "\(name): median \(Format.fixed(medianMilliseconds, 2)) ms, best \(Format.fixed(bestMilliseconds, 2)) ms, "
            + "CPU \(Format.fixed(medianCPUMilliseconds, 2)) ms (goal < \(Format.number(goalMilliseconds)) ms, \(verdict)) — \(detail)"
    }
}

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
            wiggle antennas 4 times
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
    public static func run(runs: Int = 7) -> [BopBenchmarkResult] {
        let big = tenThousandLineProgram()
        let bigOptions = BopOptions(seed: 1, horizonSeconds: 36_000)
        var segments = 0
        let compile = measure(runs) {
            segments = BopCompiler.compile(big, options: bigOptions).timeline?.segments.count ?? -1
        }
        var statements = 0
        let frontEnd = measure(runs) { statements = BopCompiler.parse(big).program.statements.count }
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
            BopBenchmarkResult(
                name: "compile 10,000-line program to a timeline", bestMilliseconds: compile.best,
                medianMilliseconds: compile.median, goalMilliseconds: 50, medianCPUMilliseconds: compile.cpu,
                detail: "\(segments) segments"),
            BopBenchmarkResult(
                name: "  of which lexing and parsing", bestMilliseconds: frontEnd.best,
                medianMilliseconds: frontEnd.median, goalMilliseconds: 50, medianCPUMilliseconds: frontEnd.cpu,
                detail: "\(statements) top-level statements"),
            BopBenchmarkResult(
                name: "evaluate a 10-minute dance", bestMilliseconds: evaluate.best,
                medianMilliseconds: evaluate.median,
                goalMilliseconds: 2000, medianCPUMilliseconds: evaluate.cpu,
                detail: "\(danceSegments) segments, \(Format.number(seconds)) s of dance"),
            BopBenchmarkResult(
                name: "sample the 10-minute dance at 50 Hz", bestMilliseconds: sample.best,
                medianMilliseconds: sample.median, goalMilliseconds: 2000, medianCPUMilliseconds: sample.cpu,
                detail: "\(samples) samples"),
        ]
    }

    private static func measure(_ runs: Int, _ body: () -> Void) -> (best: Double, median: Double, cpu: Double) {
        let clock = ContinuousClock()
        var times: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<max(1, runs) {
            let before = threadCPUMilliseconds()
            let elapsed = clock.measure(body)
            cpu.append(threadCPUMilliseconds() - before)
            times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        times.sort()
        cpu.sort()
        return (times[0], times[times.count / 2], cpu[cpu.count / 2])
    }

    private static func threadCPUMilliseconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
    }
}
