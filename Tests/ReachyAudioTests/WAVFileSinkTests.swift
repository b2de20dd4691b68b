import Foundation
import ReachyTestSupport
import Testing

@testable import ReachyAudio

@Suite("WAV file sink")
struct WAVFileSinkTests {
    @Test func wavSinkRoundTripKeepsEverySampleAndTheRate() throws {
        // A recording at another rate than the default, longer than one write, read back sample for sample.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: url) }
        let sink = WAVFileSink(url: url, sampleRate: 22_050)
        let tone = (0..<22_050).map { Int16((sin(Double($0) * 2 * .pi * 440 / 22_050) * 20_000).rounded()) }
        let extremes: [Int16] = [.min, -1, 0, 1, .max]
        try sink.play(tone)
        try sink.play(extremes)
        try sink.close()
        let file = try WAVFile.read(from: url)
        #expect(file.sampleRate == 22_050)
        #expect(file.channels == 1)
        #expect(file.bitsPerSample == 16)
        #expect(file.samples == tone + extremes)
        #expect(abs(file.duration - Double(22_055) / 22_050) < 1e-12)
    }

    @Test func wavSinkRecordsEverythingPlayedInOrder() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: url) }
        let sink = WAVFileSink(url: url, sampleRate: 16_000)
        try sink.play([1, 2, 3])
        try sink.silence(seconds: 0.001)
        try sink.play([-4])
        #expect(abs(sink.duration - 20.0 / 16_000) < 1e-12)
        try sink.close()
        #expect(throws: AudioSinkError.closed(sink: url.lastPathComponent)) { try sink.play([5]) }
        let file = try WAVFile.read(from: url)
        #expect(file.sampleRate == 16_000)
        #expect(file.samples == [1, 2, 3] + [Int16](repeating: 0, count: 16) + [-4])
    }

    @Test func wavSinkStreamsToDiskAndShowsOnlyACompleteFile() throws {
        // A recital of minutes must not sit in memory until the end (the service recites again and again): what
        // is played goes to a partial file beside the target at once, and the target appears only when closed.
        let dir = try TemporaryDirectory("sink")
        defer { dir.remove() }
        let url = dir.file("voice.wav")
        let sink = WAVFileSink(url: url, sampleRate: 16_000)
        let second = (0..<16_000).map { Int16(truncatingIfNeeded: $0 * 7) }
        for _ in 0..<3 { try sink.play(second) }
        let partial = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(!FileManager.default.fileExists(atPath: url.path))
        let name = try #require(partial.first)
        let size = try FileManager.default.attributesOfItem(atPath: dir.file(name).path)[.size]
        #expect((size as? Int ?? 0) >= 44 + 2 * 16_000 * 2, "most of the 3 s must be on disk before close")
        try sink.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["voice.wav"])
        let file = try WAVFile.read(from: url)
        #expect(file.samples == second + second + second)
        #expect(abs(file.duration - 3) < 1e-9)
    }

    @Test func wavSinkThatCannotWriteSaysWhere() throws {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/voice.wav")
        let sink = WAVFileSink(url: url, sampleRate: 16_000)
        let error = #expect(throws: AudioSinkError.self) { try sink.play([1, 2, 3]) }
        #expect(String(describing: error).contains(url.deletingLastPathComponent().path))
        #expect(throws: AudioSinkError.self) { try sink.close() }
    }

    @Test func aSilentWAVSinkStillWritesAnEmptyRecording() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: url) }
        try WAVFileSink(url: url, sampleRate: 16_000).close()
        #expect(try WAVFile.read(from: url).samples.isEmpty)
    }
}
