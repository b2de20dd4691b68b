import CEspeakNG

/// Anything that turns a `SpeechScript` into PCM with timed events (espeak-ng here; a neural engine later).
public protocol SpeechSynthesizing: Sendable {
    /// Synthesizes the script with the given voice.
    func synthesize(_ script: SpeechScript, voice: SpeechVoice) throws(SpeechError) -> SpeechAudio
}
