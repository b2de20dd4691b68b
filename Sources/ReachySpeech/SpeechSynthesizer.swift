import CEspeakNG
import Synchronization

/// Offline speech synthesis with libespeak-ng: text → 16-bit mono PCM (22 050 Hz) with word, sentence, clause-end
/// and mark events at their sample positions.
///
/// All instances share the single process-wide engine; calls are serialized by one lock (see `EspeakEngine`), so
/// the type is safe to use from any thread, but only one synthesis runs at a time and it blocks its caller. Call it
/// from a dedicated thread or accept a short block (≈0.1 s per news item) of the current task.
///
/// Mandarin: with espeak-ng ≥ 1.52 the plain `cmn` voice is used; with 1.51 (Debian 12) the text is split into
/// Han/Latin runs spoken by `cmn-latn-pinyin` and `en-us` (see `SpeechVoice.mandarinWithEnglish`).
public struct SpeechSynthesizer: SpeechSynthesizing {
    /// How to voice Mandarin.
    public enum MandarinMode: String, Sendable, Codable {
        /// Plain `cmn` on espeak-ng ≥ 1.52, SSML voice runs otherwise.
        case automatic
        /// Always SSML voice runs (works on every version; what the tests use).
        case voiceRuns
        /// Always the plain `cmn` voice (broken on 1.51: reads tone digits aloud).
        case plainCmn
    }

    /// Words per minute (espeak-ng `espeakRATE`, 80…450).
    public var rate: Int
    /// Engine volume 0…200 before normalisation; 75 keeps espeak-ng's own output away from clipping.
    public var volume: Int
    /// espeak-ng data directory; only honoured by the first synthesis in the process (the engine is global).
    public var dataPath: String?
    /// Mandarin voicing.
    public var mandarinMode: MandarinMode

    /// A synthesizer; the defaults give ≈270 Chinese characters per minute.
    public init(rate: Int = 165, volume: Int = 75, dataPath: String? = nil, mandarinMode: MandarinMode = .automatic) {
        self.rate = rate
        self.volume = volume
        self.dataPath = dataPath
        self.mandarinMode = mandarinMode
    }

    /// The version of the linked espeak-ng (initialising it if needed).
    public static func engineVersion(dataPath: String? = nil) throws(SpeechError) -> (
        string: String, version: EspeakVersion?
    ) {
        let result: Result<EspeakEngine.State, SpeechError> = EspeakEngine.shared.withLock { state in
            do throws(SpeechError) {
                return .success(try EspeakEngine.ensureInitialized(&state, dataPath: dataPath))
            } catch {
                return .failure(error)
            }
        }
        let s = try result.get()
        return (s.versionString, s.version)
    }

    /// The native output sample rate of the engine (22 050 Hz for espeak-ng).
    public static func nativeSampleRate(dataPath: String? = nil) throws(SpeechError) -> Int {
        let result: Result<EspeakEngine.State, SpeechError> = EspeakEngine.shared.withLock { state in
            do throws(SpeechError) {
                return .success(try EspeakEngine.ensureInitialized(&state, dataPath: dataPath))
            } catch {
                return .failure(error)
            }
        }
        return try result.get().sampleRate
    }

    /// The SSML and base voice this synthesizer would use for a script on an engine of the given version.
    public func markup(for script: SpeechScript, voice: SpeechVoice, engineVersion: EspeakVersion?) -> (
        ssml: String, baseVoice: String
    ) {
        switch voice {
        case .english:
            return (SSMLBuilder.ssml(for: script, style: nil), SSMLBuilder.englishVoice)
        case .mandarinWithEnglish:
            let plain: Bool
            switch mandarinMode {
            case .automatic: plain = engineVersion?.hasWorkingMandarinVoice ?? false
            case .voiceRuns: plain = false
            case .plainCmn: plain = true
            }
            return plain
                ? (SSMLBuilder.ssml(for: script, style: .plainCmn), "cmn")
                : (SSMLBuilder.ssml(for: script, style: .voiceRuns), SSMLBuilder.hanVoice)
        }
    }

    /// How Mandarin will be voiced on an engine of this version, in words (for logs and the CLI).
    public func mandarinVoiceDescription(engineVersion: EspeakVersion?) -> String {
        let probe = markup(for: SpeechScript(text: "中"), voice: .mandarinWithEnglish, engineVersion: engineVersion)
        return probe.baseVoice == "cmn"
            ? "plain cmn voice"
            : "SSML voice runs (\(SSMLBuilder.hanVoice) for Chinese, \(SSMLBuilder.englishVoice) for English)"
    }

    /// Synthesizes a script: PCM at the engine's rate (22 050 Hz), events sorted and clamped to the audio.
    public func synthesize(_ script: SpeechScript, voice: SpeechVoice) throws(SpeechError) -> SpeechAudio {
        try perform(script, voice: voice, cancellation: nil)
    }

    /// Synthesizes a script, aborting espeak-ng at its next audio buffer once `cancellation` is raised (then
    /// throws ``SpeechError/cancelled``).
    public func synthesize(
        _ script: SpeechScript, voice: SpeechVoice, cancellation: SpeechCancellation
    ) throws(SpeechError) -> SpeechAudio {
        try perform(script, voice: voice, cancellation: cancellation)
    }

    private func perform(
        _ script: SpeechScript, voice: SpeechVoice, cancellation: SpeechCancellation?
    ) throws(SpeechError) -> SpeechAudio {
        if cancellation?.isCancelled == true { throw .cancelled }
        let result: Result<SpeechAudio, SpeechError> = EspeakEngine.shared.withLock { state in
            do throws(SpeechError) {
                let engine = try EspeakEngine.ensureInitialized(&state, dataPath: dataPath)
                return .success(try run(script, voice: voice, engine: engine, cancellation: cancellation))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Plain English text to audio (Bop's `say`).
    public func say(_ text: String) throws(SpeechError) -> SpeechAudio {
        try synthesize(SpeechScript(text: text), voice: .english)
    }

    /// One synthesis; must run with the engine lock held.
    private func run(
        _ script: SpeechScript, voice: SpeechVoice, engine: EspeakEngine.State, cancellation: SpeechCancellation?
    ) throws(SpeechError) -> SpeechAudio {
        let (ssml, baseVoice) = markup(for: script, voice: voice, engineVersion: engine.version)
        let voiceStatus = baseVoice.withCString { espeak_SetVoiceByName($0) }
        guard voiceStatus == EE_OK else { throw .voiceUnavailable(baseVoice) }
        espeak_SetParameter(espeakRATE, Int32(max(80, min(450, rate))), 0)
        espeak_SetParameter(espeakVOLUME, Int32(max(0, min(200, volume))), 0)

        let collector = SynthCollector()
        collector.cancellation = cancellation
        let userData = Unmanaged.passUnretained(collector).toOpaque()
        let flags = UInt32(espeakCHARS_UTF8) | UInt32(espeakSSML)
        let status: espeak_ERROR = withExtendedLifetime(collector) {
            ssml.withCString { text in
                espeak_Synth(text, ssml.utf8.count + 1, 0, POS_CHARACTER, 0, flags, nil, userData)
            }
        }
        if collector.aborted { throw .cancelled }
        guard status == EE_OK else { throw .synthesisFailed(code: status.rawValue) }
        espeak_Synchronize()
        if collector.aborted { throw .cancelled }

        let rate = engine.sampleRate
        let total = collector.samples.count
        let events = collector.rawEvents.map { raw in
            SpeechEvent(
                kind: raw.kind, sample: max(0, min(total, raw.milliseconds * rate / 1000)),
                textPosition: raw.textPosition)
        }
        return SpeechAudio(samples: collector.samples, sampleRate: rate, events: events)
    }
}
