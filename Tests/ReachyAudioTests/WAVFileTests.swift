import Foundation
import ReachyTestSupport
import Testing

@testable import ReachyAudio

@Suite("WAV files")
struct WAVFileTests {
    @Test("Header fields of a written file")
    func header() throws {
        let bytes = WAVFile(sampleRate: 16000, channels: 1, samples: [1, -1, 256, -32768]).encode()
        #expect(bytes.count == 44 + 8)
        func u32(_ at: Int) -> UInt32 {
            bytes[at..<at + 4].enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
        }
        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        #expect(String(decoding: bytes[0..<4], as: UTF8.self) == "RIFF")
        #expect(u32(4) == 36 + 8)
        #expect(String(decoding: bytes[8..<16], as: UTF8.self) == "WAVEfmt ")
        #expect(u32(16) == 16)
        #expect(u16(20) == 1)  // PCM
        #expect(u16(22) == 1)  // mono
        #expect(u32(24) == 16000)
        #expect(u32(28) == 32000)  // byte rate
        #expect(u16(32) == 2)  // block align
        #expect(u16(34) == 16)
        #expect(String(decoding: bytes[36..<40], as: UTF8.self) == "data")
        #expect(u32(40) == 8)
        #expect(Array(bytes[44...]) == [0x01, 0x00, 0xFF, 0xFF, 0x00, 0x01, 0x00, 0x80])
    }

    @Test("Write and read back through a file")
    func roundTrip() throws {
        let dir = try TemporaryDirectory("wav")
        defer { dir.remove() }
        let url = dir.file("x.wav")
        let original = WAVFile(sampleRate: 22050, channels: 2, samples: [0, 1, 2, 3, -4, -5])
        try original.write(to: url)
        let back = try WAVFile.read(from: url)
        #expect(back == original)
        #expect(abs(back.duration - 3.0 / 22050) < 1e-9)
    }

    @Test("A file that cannot be written says where and what to check")
    func writeFailure() {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/x.wav")
        let error = #expect(throws: WAVFileError.self) { try WAVFile(sampleRate: 8000, samples: [1]).write(to: url) }
        guard case .writeFailed(let path, _) = error else {
            Issue.record("expected writeFailed, got \(String(describing: error))")
            return
        }
        #expect(path == url.path)
        #expect(error?.description.contains("writable") == true)
    }

    @Test("Unknown chunks are skipped")
    func skipsChunks() throws {
        var bytes = WAVFile(sampleRate: 8000, samples: [7, 8]).encode()
        let list: [UInt8] = Array("LIST".utf8) + [3, 0, 0, 0, 1, 2, 3, 0]  // odd size + pad byte
        bytes.insert(contentsOf: list, at: 36)
        let riff = UInt32(bytes.count - 8)
        for i in 0..<4 { bytes[4 + i] = UInt8((riff >> (8 * UInt32(i))) & 0xFF) }
        #expect(try WAVFile.decode(bytes).samples == [7, 8])
    }

    static let riff: [UInt8] = Array("RIFF".utf8)
    static let wave: [UInt8] = Array("WAVE".utf8)
    static let malformedCases: [([UInt8], String)] = [
        ([], "missing RIFF/WAVE header"),
        (Array("RIFX".utf8) + [0, 0, 0, 0] + wave, "missing RIFF/WAVE header"),
        (riff + [200, 0, 0, 0] + wave, "RIFF size field larger than the file"),
        (riff + [4, 0, 0, 0] + wave, "no data chunk"),
    ]

    @Test("Malformed files give typed errors", arguments: malformedCases)
    func malformed(bytes: [UInt8], reason: String) {
        #expect(throws: WAVFileError.invalid(reason)) { try WAVFile.decode(bytes) }
    }

    @Test("8-bit PCM is rejected with a message saying what is expected")
    func eightBit() {
        var bytes = WAVFile(sampleRate: 8000, samples: [1]).encode()
        bytes[34] = 8
        #expect(throws: WAVFileError.invalid("format 1 with 8 bits, expected PCM 16-bit")) {
            try WAVFile.decode(bytes)
        }
        #expect(WAVFileError.invalid("x").description.contains("sox"))
    }
}
