import Foundation

extension SpeechAudio {
    /// The audio scaled so that its peak sits at `peakDBFS` (e.g. −1 dBFS); silent audio is returned unchanged.
    public func normalized(peakDBFS: Double = -1.0) -> SpeechAudio {
        var copy = self
        copy.normalize(peakDBFS: peakDBFS)
        return copy
    }

    /// Scales the samples in place so that the peak sits at `peakDBFS`.
    ///
    /// A single gain for the whole buffer (no compression), so relative loudness inside the recital is kept and
    /// no sample can clip: the loudest sample lands on the target (±1 LSB), everything is clamped to ±32767.
    public mutating func normalize(peakDBFS: Double = -1.0) {
        let currentPeak = peak
        guard currentPeak > 0 else { return }
        let target = 32767.0 * pow(10.0, min(0, peakDBFS) / 20.0)
        let gain = Int64((target / Double(currentPeak) * 65536).rounded())
        samples.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices {
                let v = (Int64(buffer[i]) * gain + 32768) >> 16
                buffer[i] = Int16(max(-32767, min(32767, v)))
            }
        }
    }
}
