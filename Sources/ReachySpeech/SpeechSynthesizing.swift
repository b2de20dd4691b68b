import CEspeakNG

/// Anything that turns a `SpeechScript` into PCM with timed events (espeak-ng here; a neural engine later).
public protocol SpeechSynthesizing: Sendable {
    /// Synthesizes the script with the given voice.
    func synthesize(_ script: SpeechScript, voice: SpeechVoice) throws(SpeechError) -> SpeechAudio

    /// Synthesizes the script, stopping early with ``SpeechError/cancelled`` once `cancellation` is raised.
    func synthesize(
        _ script: SpeechScript, voice: SpeechVoice, cancellation: SpeechCancellation
    ) throws(SpeechError) -> SpeechAudio
}

extension SpeechSynthesizing {
    /// Checks `cancellation` before and after a whole synthesis (an engine that can stop sooner overrides this).
    public func synthesize(
        _ script: SpeechScript, voice: SpeechVoice, cancellation: SpeechCancellation
    ) throws(SpeechError) -> SpeechAudio {
        if cancellation.isCancelled { throw .cancelled }
        let audio = try synthesize(script, voice: voice)
        if cancellation.isCancelled { throw .cancelled }
        return audio
    }
}
