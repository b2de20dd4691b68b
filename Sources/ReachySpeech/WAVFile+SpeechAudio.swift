public import ReachyAudio

extension WAVFile {
    /// A mono file holding synthesized speech.
    public init(_ audio: SpeechAudio) {
        self.init(sampleRate: audio.sampleRate, channels: 1, samples: audio.samples)
    }
}

extension WAVFile {
    /// The file as a speaker plays it: channels mixed to mono, scaled by `gain` (0…1), resampled to `sampleRate`
    /// (linearly, ``SpeechAudio/resampled(to:)``). For sounds from files, such as a recorded move's.
    public func speakerSamples(sampleRate: Int, gain: Double = 1) -> [Int16] {
        let channels = max(1, self.channels)
        var mono: [Int16] = []
        mono.reserveCapacity(samples.count / channels)
        var index = 0
        while index + channels <= samples.count {
            var sum = 0
            for c in 0..<channels { sum += Int(samples[index + c]) }
            mono.append(Int16(clamping: Int((Double(sum) / Double(channels) * gain).rounded())))
            index += channels
        }
        return SpeechAudio(samples: mono, sampleRate: self.sampleRate).resampled(to: sampleRate).samples
    }
}
