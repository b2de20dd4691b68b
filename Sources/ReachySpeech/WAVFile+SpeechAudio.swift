public import ReachyAudio

extension WAVFile {
    /// A mono file holding synthesized speech.
    public init(_ audio: SpeechAudio) {
        self.init(sampleRate: audio.sampleRate, channels: 1, samples: audio.samples)
    }
}
