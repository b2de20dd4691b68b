import ArgumentParser
import Foundation
import ReachyAudio
import ReachyNews
import ReachySpeech

/// `reachy news speak FILE... --wav OUT.wav`: synthesize the whole recital.
struct NewsSpeakCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speak",
        abstract: "Synthesize the recital of digests to a WAV file (16 kHz mono, peak −1 dBFS).",
        discussion:
            "Uses libespeak-ng: Mandarin with English names in English (SSML voice runs on espeak-ng 1.51, plain cmn on 1.52+)."
    )

    @OptionGroup var recital: NewsRecitalOptions

    @Option(name: .long, help: "Where to write the WAV file.")
    var wav: String

    @Option(name: .long, help: "Also write the timed plan (sentence and gesture times) as JSON to this file.")
    var planOut: String?

    @Option(
        name: .long, help: "Also write the audio-driven head sway (one frame per 50 ms, degrees) as JSON to this file.")
    var swayOut: String?

    @Option(name: .long, help: "Speaking rate in words per minute (80–450).")
    var rate: Int = 165

    @Option(name: .long, help: "Output sample rate in Hz (8000–48000).")
    var sampleRate: Int = 16000

    func validate() throws {
        guard (80...450).contains(rate) else {
            throw ValidationError("--rate must be between 80 and 450 (got \(rate)).")
        }
        guard (8000...48000).contains(sampleRate) else {
            throw ValidationError("--sample-rate must be between 8000 and 48000 (got \(sampleRate)).")
        }
    }

    func run() throws {
        let (plan, partial) = try recital.makePlan()
        let renderer = RecitalRenderer(synthesizer: SpeechSynthesizer(rate: rate), outputSampleRate: sampleRate)
        let rendered: RecitalRenderer.Rendered
        do {
            rendered = try renderer.render(plan)
            try WAVFile(rendered.audio).write(to: URL(fileURLWithPath: wav))
            if let swayOut {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                try encoder.encode(rendered.sway).write(to: URL(fileURLWithPath: swayOut), options: .atomic)
            }
            if let planOut {
                let data = Data(try NewsPlanFormatter.json(rendered.plan).utf8)
                try data.write(to: URL(fileURLWithPath: planOut), options: .atomic)
            }
        } catch let error as SpeechError {
            throw NewsCLIError.speech(error.description)
        } catch let error as WAVFileError {
            throw NewsCLIError.speech(error.description)
        } catch let error as NewsCLIError {
            throw error
        } catch {
            throw NewsCLIError.speech("could not write \(planOut ?? wav): \(error.localizedDescription)")
        }
        let items = rendered.plan.items.count
        if let engine = try? SpeechSynthesizer.engineVersion() {
            let voice = SpeechSynthesizer(rate: rate).mandarinVoiceDescription(engineVersion: engine.version)
            print("Voice: espeak-ng \(engine.string), \(voice).")
        }
        print(
            "Wrote \(wav): \(String(format: "%.1f", rendered.audio.duration)) s of audio "
                + "(\(rendered.audio.sampleRate) Hz mono, \(items) item" + (items == 1 ? "" : "s") + ").")
        if let planOut { print("Wrote the timed plan to \(planOut).") }
        if let swayOut { print("Wrote \(rendered.sway.count) sway frames to \(swayOut).") }
        try NewsRecitalOptions.finish(partial: partial)
    }
}
