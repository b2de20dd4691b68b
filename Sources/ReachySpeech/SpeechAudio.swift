/// Synthesized speech: 16-bit mono PCM plus timed events.
public struct SpeechAudio: Sendable, Equatable {
    /// Mono signed 16-bit samples.
    public var samples: [Int16]
    /// Samples per second.
    public var sampleRate: Int
    /// Events in increasing sample order, all within `0...samples.count`.
    public var events: [SpeechEvent]

    /// Audio from its parts; events are sorted by sample position (stable).
    public init(samples: [Int16], sampleRate: Int, events: [SpeechEvent] = []) {
        self.samples = samples
        self.sampleRate = sampleRate
        self.events = events.enumerated()
            .sorted { ($0.element.sample, $0.offset) < ($1.element.sample, $1.offset) }
            .map(\.element)
    }

    /// Duration in seconds.
    public var duration: Double { sampleRate > 0 ? Double(samples.count) / Double(sampleRate) : 0 }

    /// Largest absolute sample value (0…32768).
    public var peak: Int { samples.reduce(0) { max($0, abs(Int($1))) } }

    /// Root-mean-square level as a fraction of full scale (0…1).
    public var rms: Double {
        guard !samples.isEmpty else { return 0 }
        let sum = samples.reduce(0.0) { $0 + Double($1) * Double($1) }
        return (sum / Double(samples.count)).squareRoot() / 32768.0
    }

    /// Seconds from the start of the audio to a sample position.
    public func seconds(atSample sample: Int) -> Double {
        sampleRate > 0 ? Double(sample) / Double(sampleRate) : 0
    }

    /// The first event with the given mark name.
    public func mark(_ name: String) -> SpeechEvent? { events.first { $0.markName == name } }

    /// Appends another piece of audio at the same sample rate, shifting its events.
    /// - Precondition-free: audio at a different rate is resampled first.
    public mutating func append(_ other: SpeechAudio) {
        let piece = other.sampleRate == sampleRate ? other : other.resampled(to: sampleRate)
        let offset = samples.count
        samples.append(contentsOf: piece.samples)
        events.append(
            contentsOf: piece.events.map {
                SpeechEvent(kind: $0.kind, sample: $0.sample + offset, textPosition: $0.textPosition)
            })
    }

    /// Appends silence.
    public mutating func appendSilence(seconds: Double) {
        samples.append(contentsOf: repeatElement(0, count: max(0, Int(seconds * Double(sampleRate)))))
    }
}
