import Foundation
public import ReachySpeech

/// Synthesizes a recital to one audio track (16 kHz mono by default, peak-normalised) and times its plan.
///
/// The first sentence is synthesized on its own first, so playback could begin while the rest is rendered
/// (`onChunk` receives each piece as soon as it exists, at the engine's native rate, before normalisation).
public struct RecitalRenderer: Sendable {
    /// The speech engine.
    public var synthesizer: any SpeechSynthesizing
    /// Output sample rate (the robot's audio path runs at 16 kHz).
    public var outputSampleRate: Int
    /// Peak level of the final track.
    public var peakDBFS: Double

    /// A renderer.
    public init(
        synthesizer: any SpeechSynthesizing = SpeechSynthesizer(), outputSampleRate: Int = 16000, peakDBFS: Double = -1
    ) {
        self.synthesizer = synthesizer
        self.outputSampleRate = outputSampleRate
        self.peakDBFS = peakDBFS
    }

    /// The result of rendering.
    public struct Rendered: Sendable {
        /// The whole recital, resampled and normalised.
        public var audio: SpeechAudio
        /// The plan with all times filled in.
        public var plan: RecitalPlan
        /// Seconds from the call until the first piece of audio existed.
        public var firstAudioLatency: Double
        /// Seconds spent synthesizing, resampling and normalising.
        public var renderSeconds: Double
        /// Audio-driven head sway, one frame per 50 ms (see `SpeechSway`).
        public var sway: [SwayFrame]
    }

    /// Renders the plan. `onChunk` is called with each piece of audio (first sentence, rest of the intro, each
    /// item, the outro) in order. Once `cancellation` is raised the render stops — between pieces, and inside a
    /// piece at espeak-ng's next audio buffer — and throws ``SpeechError/cancelled``.
    public func render(
        _ plan: RecitalPlan, onChunk: ((SpeechAudio) -> Void)? = nil, cancellation: SpeechCancellation? = nil
    ) throws(SpeechError) -> Rendered {
        let clock = ContinuousClock()
        let start = clock.now
        var pieces: [SpeechScript] = []
        for segment in plan.segments {
            let segs = segment.script.segments
            if pieces.isEmpty, segs.count > 2 {
                // The first mark + first sentence alone: the shortest time to first audio.
                pieces.append(SpeechScript(Array(segs.prefix(2))))
                pieces.append(SpeechScript(Array(segs.dropFirst(2))))
            } else {
                pieces.append(segment.script)
            }
        }
        var whole: SpeechAudio?
        var firstLatency = 0.0
        for piece in pieces {
            let chunk =
                if let cancellation {
                    try synthesizer.synthesize(piece, voice: .mandarinWithEnglish, cancellation: cancellation)
                } else {
                    try synthesizer.synthesize(piece, voice: .mandarinWithEnglish)
                }
            if whole == nil {
                firstLatency = seconds(clock.now - start)
                whole = chunk
            } else {
                whole?.append(chunk)
            }
            onChunk?(chunk)
        }
        if cancellation?.isCancelled == true { throw .cancelled }
        let raw = whole ?? SpeechAudio(samples: [], sampleRate: outputSampleRate)
        var final = raw.resampled(to: outputSampleRate)
        final.normalize(peakDBFS: peakDBFS)
        let renderSeconds = seconds(clock.now - start)
        return Rendered(
            audio: final, plan: plan.timed(by: final), firstAudioLatency: firstLatency,
            renderSeconds: renderSeconds, sway: SpeechSway.track(for: final))
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
