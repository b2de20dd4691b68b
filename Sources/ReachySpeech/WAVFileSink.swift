import Foundation
import ReachyMotion
import Synchronization

/// An `AudioSink` that records everything played into a WAV file (16-bit mono), written when closed. This is the
/// simulator's speaker.
public final class WAVFileSink: AudioSink, Sendable {
    public let url: URL
    public let sampleRate: Int
    public var name: String { url.lastPathComponent }
    private let state = Mutex<(samples: [Int16], closed: Bool)>(([], false))

    public init(url: URL, sampleRate: Int = 16_000) {
        self.url = url
        self.sampleRate = sampleRate
    }

    public func play(_ samples: [Int16]) throws(AudioSinkError) {
        let closed = state.withLock { state -> Bool in
            if !state.closed { state.samples += samples }
            return state.closed
        }
        if closed { throw .closed(sink: name) }
    }

    /// Appends silence (time passing in the recording without sound).
    public func silence(seconds: Double) throws(AudioSinkError) {
        try play([Int16](repeating: 0, count: max(0, Int((seconds * Double(sampleRate)).rounded()))))
    }

    public func stop() {}

    /// Seconds recorded so far.
    public var duration: Double {
        Double(state.withLock { $0.samples.count }) / Double(sampleRate)
    }

    public func close() throws(AudioSinkError) {
        let samples = state.withLock { state -> [Int16]? in
            guard !state.closed else { return nil }
            state.closed = true
            return state.samples
        }
        guard let samples else { return }
        do {
            try WAVFile(sampleRate: sampleRate, samples: samples).write(to: url)
        } catch {
            throw .unavailable(sink: url.path, reason: error.description)
        }
    }
}
