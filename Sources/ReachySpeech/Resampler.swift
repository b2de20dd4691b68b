extension SpeechAudio {
    /// The audio at another sample rate, by linear interpolation; event positions are scaled to match.
    ///
    /// Deliberately simple: espeak-ng's formant voice has little energy above 5 kHz, so resampling its 22 050 Hz
    /// output to the robot's 16 000 Hz by linear interpolation (no anti-alias filter) is inaudibly different from a
    /// windowed-sinc resampler. Fixed-point (32.32 position, 16-bit fraction): one multiply-add per output sample.
    public func resampled(to newRate: Int) -> SpeechAudio {
        guard newRate > 0, sampleRate > 0, newRate != sampleRate, !samples.isEmpty else {
            return SpeechAudio(samples: samples, sampleRate: newRate > 0 ? newRate : sampleRate, events: events)
        }
        let outCount = samples.count * newRate / sampleRate
        let step = (UInt64(sampleRate) << 32) / UInt64(newRate)
        let last = samples.count - 1
        let out = samples.withUnsafeBufferPointer { src in
            [Int16](unsafeUninitializedCapacity: outCount) { buffer, initialized in
                var position: UInt64 = 0
                for i in 0..<outCount {
                    let j = min(Int(position >> 32), last)
                    let fraction = Int64((position & 0xFFFF_FFFF) >> 16)
                    let a = Int64(src[j])
                    let b = Int64(src[min(j + 1, last)])
                    // Between a and b, so always within Int16.
                    buffer[i] = Int16(truncatingIfNeeded: a + (((b - a) * fraction + 32768) >> 16))
                    position &+= step
                }
                initialized = outCount
            }
        }
        let scaled = events.map {
            SpeechEvent(
                kind: $0.kind, sample: min(outCount, $0.sample * newRate / sampleRate), textPosition: $0.textPosition)
        }
        return SpeechAudio(samples: out, sampleRate: newRate, events: scaled)
    }
}
