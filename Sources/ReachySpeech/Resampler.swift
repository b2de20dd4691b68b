extension SpeechAudio {
    /// The audio at another sample rate, by linear interpolation; event positions are scaled to match.
    ///
    /// Deliberately simple: espeak-ng's formant voice has little energy above 5 kHz, so resampling its 22 050 Hz
    /// output to the robot's 16 000 Hz by linear interpolation (no anti-alias filter) is inaudibly different from a
    /// windowed-sinc resampler, and costs one multiply-add per output sample. Use sox for anything else.
    public func resampled(to newRate: Int) -> SpeechAudio {
        guard newRate > 0, sampleRate > 0, newRate != sampleRate, !samples.isEmpty else {
            return SpeechAudio(samples: samples, sampleRate: newRate > 0 ? newRate : sampleRate, events: events)
        }
        let ratio = Double(sampleRate) / Double(newRate)
        let outCount = Int((Double(samples.count) / ratio).rounded(.down))
        var out = [Int16](repeating: 0, count: outCount)
        let last = samples.count - 1
        samples.withUnsafeBufferPointer { src in
            for i in 0..<outCount {
                let x = Double(i) * ratio
                let j = min(Int(x), last)
                let frac = x - Double(j)
                let a = Double(src[j])
                let b = Double(src[min(j + 1, last)])
                let v = (a + (b - a) * frac).rounded()
                out[i] = Int16(max(-32768, min(32767, v)))
            }
        }
        let scaled = events.map {
            SpeechEvent(
                kind: $0.kind, sample: min(outCount, Int((Double($0.sample) / ratio).rounded())),
                textPosition: $0.textPosition)
        }
        return SpeechAudio(samples: out, sampleRate: newRate, events: scaled)
    }
}
