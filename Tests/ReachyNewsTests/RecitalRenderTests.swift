import Foundation
import ReachyAudio
import ReachySpeech
import Testing

@testable import ReachyNews

@Suite("Recital synthesis")
struct RecitalRenderTests {
    @Test("Two items of the sample: 16 kHz audio, every sentence and gesture timed inside it, in order")
    func renderTwoItems() throws {
        let digest = DigestParser.parse(contentsOf: TestFiles.sample).digest
        let plan = try RecitalPlanner.bundled().plan([digest], options: RecitalOptions(maxItems: 2))
        var chunks = 0
        let renderer = RecitalRenderer(synthesizer: SpeechSynthesizer(mandarinMode: .voiceRuns))
        let rendered = try renderer.render(plan) { _ in chunks += 1 }
        let audio = rendered.audio
        let timed = rendered.plan

        // First sentence alone, rest of the intro, two items, the outro.
        #expect(chunks == 5)
        #expect(audio.sampleRate == 16000)
        // ≈270 characters a minute: the spoken characters give a plausible band for the duration.
        let characters = Double(plan.sentences.map(\.speech.count).reduce(0, +))
        #expect(audio.duration > characters / 12 && audio.duration < characters / 1.5)
        #expect(timed.duration == audio.duration)
        #expect(audio.peak <= 29205 && audio.peak >= 29203)

        let sentences = timed.sentences
        for s in sentences {
            let start = try #require(s.start, "no time for \(s.mark)")
            let end = try #require(s.end, "no end for \(s.mark)")
            #expect(start < end && end <= audio.duration)
        }
        let starts = sentences.compactMap(\.start)
        #expect(starts == starts.sorted() && Set(starts).count == starts.count)
        // The pause after an item is silence before the next item's first mark.
        let item1End = try #require(timed.items[0].sentences.last?.end)
        let item2Start = try #require(timed.items[1].sentences.first?.start)
        #expect(item2Start - item1End >= 0.8)

        for g in timed.gestures {
            let t = try #require(g.time, "gesture \(g.gesture) untimed")
            #expect(t >= 0 && t <= audio.duration)
        }
        // The mood gesture starts just before the headline is spoken, after the ordinal began.
        let item = timed.items[0]
        let headline = try #require(item.sentences.first { $0.role == .headline }?.start)
        let ordinal = try #require(item.sentences.first?.start)
        let mood = try #require(item.gestures.first { $0.anchor == "i1.h" }?.time)
        #expect(mood < headline && mood > ordinal)
        #expect(rendered.firstAudioLatency <= rendered.renderSeconds)
    }

    @Test("The rendered recital written as WAV reads back with the same length")
    func wav() throws {
        let digest = DigestParser.parse(contentsOf: TestFiles.sample).digest
        let plan = try RecitalPlanner.bundled().plan([digest], options: RecitalOptions(maxItems: 1, length: .headlines))
        let rendered = try RecitalRenderer(synthesizer: SpeechSynthesizer(mandarinMode: .voiceRuns)).render(plan)
        let dir = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("recital.wav")
        try WAVFile(rendered.audio).write(to: url)
        let back = try WAVFile.read(from: url)
        #expect(back.sampleRate == 16000 && back.channels == 1)
        #expect(back.samples == rendered.audio.samples)
    }
}
