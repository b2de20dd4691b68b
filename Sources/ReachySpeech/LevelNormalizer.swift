import Foundation

extension SpeechAudio {
    /// The audio scaled so that its peak sits at `peakDBFS` (e.g. −1 dBFS); silent audio is returned unchanged.
    ///
    /// A single gain for the whole buffer (no compression), so relative loudness inside the recital is kept and
    /// no sample can clip: the loudest sample lands exactly on the target.
    public func normalized(peakDBFS: Double = -1.0) -> SpeechAudio {
        let currentPeak = peak
        guard currentPeak > 0 else { return self }
        let target = 32767.0 * pow(10.0, min(0, peakDBFS) / 20.0)
        let gain = target / Double(currentPeak)
        let scaled = samples.map { s -> Int16 in
            let v = (Double(s) * gain).rounded()
            return Int16(max(-32767, min(32767, v)))
        }
        return SpeechAudio(samples: scaled, sampleRate: sampleRate, events: events)
    }
}
