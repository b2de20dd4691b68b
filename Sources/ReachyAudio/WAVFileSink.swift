public import Foundation
import Synchronization

/// An `AudioSink` that records everything played into a WAV file (16-bit mono). This is the simulator's speaker.
///
/// Samples are streamed to a temporary file beside `url` as they are played (never held in memory: a recital of
/// eight minutes would otherwise keep 15 MB per run, and a service reciting every day would grow by that each
/// time); `close()` fills in the header's sizes and renames the file to `url`, so `url` only ever holds a complete
/// recording.
public final class WAVFileSink: AudioSink, Sendable {
    /// The file written when the sink is closed.
    public let url: URL
    /// Samples per second of the recording.
    public let sampleRate: Int
    /// The file's name, for messages.
    public var name: String { url.lastPathComponent }

    private struct State {
        var file: UnsafeMutablePointer<FILE>?
        var samples = 0
        var closed = false
        var failure: String?
    }
    private let state = Mutex(State())
    private let partial: URL

    /// A sink recording into `url` at `sampleRate` (nothing is created before the first `play` or `close`).
    public init(url: URL, sampleRate: Int = 16_000) {
        self.url = url
        self.sampleRate = sampleRate
        self.partial = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).partial")
    }

    deinit {
        state.withLock { state in
            if let file = state.file {
                fclose(file)
                unlink(partial.path)
            }
        }
    }

    public func play(_ samples: [Int16]) throws(AudioSinkError) {
        let problem: AudioSinkError? = state.withLock { state in
            if state.closed { return .closed(sink: name) }
            if let failure = state.failure { return .unavailable(sink: url.path, reason: failure) }
            guard let file = open(&state) else {
                return .unavailable(sink: url.path, reason: state.failure ?? "cannot write")
            }
            let written = samples.map(\.littleEndian).withUnsafeBufferPointer {
                fwrite($0.baseAddress, 2, $0.count, file)
            }
            state.samples += written
            if written != samples.count {
                state.failure = "writing \(partial.path) failed: \(String(cString: strerror(errno)))"
                return .unavailable(sink: url.path, reason: state.failure ?? "")
            }
            return nil
        }
        if let problem { throw problem }
    }

    /// Appends silence (time passing in the recording without sound).
    public func silence(seconds: Double) throws(AudioSinkError) {
        var left = max(0, Int((seconds * Double(sampleRate)).rounded()))
        let block = [Int16](repeating: 0, count: min(left, sampleRate))
        while left > 0 {
            let n = min(left, block.count)
            try play(n == block.count ? block : Array(block[0..<n]))
            left -= n
        }
    }

    public func stop() {}

    /// Seconds recorded so far.
    public var duration: Double {
        Double(state.withLock { $0.samples }) / Double(sampleRate)
    }

    public func close() throws(AudioSinkError) {
        let problem: AudioSinkError? = state.withLock { state in
            guard !state.closed else { return nil }
            state.closed = true
            if state.failure == nil, open(&state) == nil {
                return .unavailable(sink: url.path, reason: state.failure ?? "cannot write")
            }
            guard let file = state.file else {
                return state.failure.map { .unavailable(sink: url.path, reason: $0) }
            }
            state.file = nil
            var ok = state.failure == nil
            if ok {
                let header = Self.header(sampleRate: sampleRate, samples: state.samples)
                ok = fseek(file, 0, SEEK_SET) == 0 && fwrite(header, 1, header.count, file) == header.count
                ok = ok && fflush(file) == 0
            }
            let reason = ok ? nil : (state.failure ?? String(cString: strerror(errno)))
            if fclose(file) != 0, ok { return .unavailable(sink: url.path, reason: String(cString: strerror(errno))) }
            if let reason {
                unlink(partial.path)
                return .unavailable(sink: url.path, reason: reason)
            }
            if rename(partial.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(partial.path)
                return .unavailable(sink: url.path, reason: reason)
            }
            return nil
        }
        if let problem { throw problem }
    }

    /// The open temporary file, created (with a provisional header) on first use; nil (and `failure` set) when it
    /// cannot be created.
    private func open(_ state: inout State) -> UnsafeMutablePointer<FILE>? {
        if let file = state.file { return file }
        guard let file = fopen(partial.path, "wb") else {
            state.failure = "cannot create \(partial.path): \(String(cString: strerror(errno)))"
            return nil
        }
        let header = Self.header(sampleRate: sampleRate, samples: 0)
        guard fwrite(header, 1, header.count, file) == header.count else {
            state.failure = "cannot write \(partial.path): \(String(cString: strerror(errno)))"
            fclose(file)
            unlink(partial.path)
            return nil
        }
        state.file = file
        return file
    }

    /// The 44-byte header of a mono 16-bit file of `samples` samples.
    static func header(sampleRate: Int, samples: Int) -> [UInt8] {
        WAVFile(sampleRate: sampleRate, samples: []).header(dataBytes: samples * 2)
    }
}
