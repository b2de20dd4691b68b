import Foundation
import ReachySpeech
import Testing

@testable import ReachyNews

/// A render is stopped at once when asked — inside a long item too (espeak-ng aborts at its next audio buffer) —
/// and the engine renders normally afterwards.
@Suite("Recital synthesis, cancelled", .serialized)
struct RecitalRenderCancellationTests {
    /// One item whose text is the sample's first paragraph `copies` times over: a single long espeak-ng synthesis.
    func longItemPlan(copies: Int) throws -> RecitalPlan {
        let sample = try String(contentsOf: TestFiles.sample, encoding: .utf8)
        let paragraph = try #require(sample.split(separator: "\n").first { $0.hasPrefix("    ") }.map(String.init))
        let body = Array(repeating: paragraph.trimmingCharacters(in: .whitespaces), count: copies).joined()
        let text =
            "---\ntitle: \"Long\"\ndate: 2025-12-21T00:00:09+08:00\n---\n\n1.  [Long](https://example.com/1)\n\n    \(body)\n"
        let digest = DigestParser.parse(text).digest
        return try RecitalPlanner.bundled().plan([digest])
    }

    @Test("cancelling stops a long item's synthesis within a fraction of a second")
    func cancelInsideAnItem() throws {
        let plan = try longItemPlan(copies: 30)
        let renderer = RecitalRenderer(synthesizer: SpeechSynthesizer(mandarinMode: .voiceRuns))
        let cancellation = SpeechCancellation()
        let clock = ContinuousClock()
        // A thread of its own: a GCD timer can fire seconds late while parallel tests hold the global queue's
        // threads in synchronous synthesis (seen: the render finished before the "0.5 s" cancel arrived).
        Thread {
            usleep(500_000)
            cancellation.cancel()
        }.start()
        let start = clock.now
        #expect(throws: SpeechError.cancelled) {
            _ = try renderer.render(plan, cancellation: cancellation)
        }
        // Rendering this item whole takes minutes; cancelled, it ends at espeak-ng's next audio buffer (the bound
        // leaves room for a loaded machine, or for another test holding the engine).
        let spent = clock.now - start
        #expect(spent < .seconds(10), "the render went on for \(spent) after being cancelled at 0.5 s")

        // The engine is usable again: a short plan renders whole.
        let digest = DigestParser.parse(contentsOf: TestFiles.sample).digest
        let short = try RecitalPlanner.bundled().plan([digest], options: RecitalOptions(maxItems: 1))
        let rendered = try renderer.render(short, cancellation: SpeechCancellation())
        #expect(rendered.audio.duration > 1)
    }

    @Test("renderInBackground throws CancellationError when its task is cancelled")
    func cancelTheTask() async throws {
        // Rendered whole, this would take half a minute or more; it must end long before.
        let plan = try longItemPlan(copies: 120)
        let renderer = RecitalRenderer(synthesizer: SpeechSynthesizer(mandarinMode: .voiceRuns))
        let clock = ContinuousClock()
        let start = clock.now
        let task = Task { try await renderer.renderInBackground(plan) }
        // Cancelled from a thread of its own: on time even when other tests keep the cooperative pool and the
        // global dispatch queue busy.
        Thread {
            usleep(500_000)
            task.cancel()
        }.start()
        let result = await task.result
        let spent = clock.now - start
        #expect(spent < .seconds(10), "the render ended \(spent) after it started (cancelled at 0.5 s)")
        switch result {
        case .failure(let error) where error is CancellationError: break
        case .failure(let error): Issue.record("expected CancellationError, got \(type(of: error)): \(error)")
        case .success(let rendered): Issue.record("the render finished: \(rendered.audio.duration) s of audio")
        }
    }
}
