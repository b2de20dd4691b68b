public import Foundation
import ReachyNews
public import ReachySpeech

/// Benchmarks of the news anchor (not tests: run them from a release build, `reachy news bench FILE`).
public enum NewsBenchmarks {
    /// Parses and plans the digests, then synthesizes the whole recital (first sentence first).
    /// Goals: everything ≤ 1 s; first audio < 200 ms.
    public static func run(digests urls: [URL], synthesizer: SpeechSynthesizer = SpeechSynthesizer()) throws
        -> [BenchmarkResult]
    {
        let clock = ContinuousClock()
        func s(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        // Warm the engine (library initialisation is a one-off per process and not part of the recital).
        _ = try SpeechSynthesizer.nativeSampleRate()
        let t0 = clock.now
        let cpu0 = ThreadCPUClock.seconds()
        let digests = urls.map { DigestParser.parse(contentsOf: $0).digest }
        let planner = try RecitalPlanner.bundled()
        let plan = planner.plan(digests)
        let planned = clock.now
        let cpuPlanned = ThreadCPUClock.seconds()
        let rendered = try RecitalRenderer(synthesizer: synthesizer).render(plan)
        let done = clock.now
        let cpuDone = ThreadCPUClock.seconds()
        let total = s(done - t0)
        return [
            BenchmarkResult(name: "parse + plan", value: s(planned - t0) * 1000, unit: "ms"),
            BenchmarkResult(
                name: "time to first audio (from start)", value: (s(planned - t0) + rendered.firstAudioLatency) * 1000,
                unit: "ms"),
            BenchmarkResult(name: "synthesize + resample + normalise", value: rendered.renderSeconds, unit: "s"),
            BenchmarkResult(name: "total (plan + synthesis)", value: total, unit: "s"),
            BenchmarkResult(name: "audio produced", value: rendered.audio.duration, unit: "s"),
            BenchmarkResult(name: "real-time factor", value: total / max(rendered.audio.duration, 1e-9), unit: "×"),
            // Wall times suffer when other processes share the CPU; thread CPU time does not.
            BenchmarkResult(name: "CPU: parse + plan", value: (cpuPlanned - cpu0) * 1000, unit: "ms"),
            BenchmarkResult(name: "CPU: synthesis + resample + normalise", value: cpuDone - cpuPlanned, unit: "s"),
        ]
    }
}
