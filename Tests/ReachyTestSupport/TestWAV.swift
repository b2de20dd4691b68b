public import Foundation

/// WAV files made up for tests and benchmarks.
public enum TestWAV {
    /// `seconds` of a quiet 440 Hz tone, 16 kHz mono 16-bit, as the bytes of a WAV file.
    public static func tone(seconds: Double) -> Data {
        let count = Int(seconds * 16_000)
        var data = Data()
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: Array("RIFF".utf8))
        u32(UInt32(36 + count * 2))
        data.append(contentsOf: Array("WAVEfmt ".utf8))
        u32(16)
        u16(1)  // PCM
        u16(1)  // mono
        u32(16_000)
        u32(32_000)
        u16(2)
        u16(16)
        data.append(contentsOf: Array("data".utf8))
        u32(UInt32(count * 2))
        data.reserveCapacity(data.count + count * 2)
        for i in 0..<count {
            let v = Int16(3000 * sin(Double(i) * 2 * .pi * 440 / 16_000))
            u16(UInt16(bitPattern: v))
        }
        return data
    }
}
