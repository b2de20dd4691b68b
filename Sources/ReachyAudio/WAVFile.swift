public import Foundation

/// RIFF/WAVE files holding 16-bit PCM: writing (`encode`, `write`) and reading back (`decode`, `read`).
public struct WAVFile: Sendable, Equatable {
    /// Samples per second.
    public var sampleRate: Int
    /// Interleaved channel count.
    public var channels: Int
    /// Bits per sample (always 16 when written by this type).
    public var bitsPerSample: Int
    /// Interleaved samples.
    public var samples: [Int16]

    /// A 16-bit PCM file.
    public init(sampleRate: Int, channels: Int = 1, samples: [Int16]) {
        self.sampleRate = sampleRate
        self.channels = channels
        self.bitsPerSample = 16
        self.samples = samples
    }

    /// Duration in seconds.
    public var duration: Double {
        sampleRate > 0 && channels > 0 ? Double(samples.count / channels) / Double(sampleRate) : 0
    }

    /// The canonical 44-byte-header file: `RIFF` size `WAVE`, `fmt ` (PCM = 1), `data`.
    public func encode() -> [UInt8] {
        var out = header(dataBytes: samples.count * 2)
        out.reserveCapacity(44 + samples.count * 2)
        for s in samples { withUnsafeBytes(of: s.littleEndian) { out += $0 } }
        return out
    }

    /// The 44-byte header of a file whose `data` chunk holds `dataBytes` bytes (the samples are not included).
    public func header(dataBytes: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(44)
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: v).littleEndian) { out += $0 } }
        func u16(_ v: Int) { withUnsafeBytes(of: UInt16(truncatingIfNeeded: v).littleEndian) { out += $0 } }
        out += Array("RIFF".utf8)
        u32(36 + dataBytes)
        out += Array("WAVE".utf8)
        out += Array("fmt ".utf8)
        u32(16)
        u16(1)
        u16(channels)
        u32(sampleRate)
        u32(sampleRate * channels * 2)
        u16(channels * 2)
        u16(16)
        out += Array("data".utf8)
        u32(dataBytes)
        return out
    }

    /// Writes the file atomically (temporary file + rename).
    /// - Throws: ``WAVFileError/writeFailed(path:reason:)``.
    public func write(to url: URL) throws(WAVFileError) {
        do {
            try Data(encode()).write(to: url, options: .atomic)
        } catch {
            throw .writeFailed(path: url.path, reason: "\(error.localizedDescription)")
        }
    }

    /// Reads a 16-bit PCM WAV file.
    /// - Throws: ``WAVFileError/invalid(_:)``.
    public static func read(from url: URL) throws(WAVFileError) -> WAVFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .invalid("cannot read \(url.path): \(error.localizedDescription)")
        }
        return try decode([UInt8](data))
    }

    /// Parses a RIFF/WAVE byte buffer; unknown chunks are skipped, anything but 16-bit PCM is rejected.
    public static func decode(_ bytes: [UInt8]) throws(WAVFileError) -> WAVFile {
        func u32(_ at: Int) -> Int? {
            guard at >= 0, at + 4 <= bytes.count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= bytes.count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func tag(_ at: Int) -> String? {
            guard at >= 0, at + 4 <= bytes.count else { return nil }
            return String(decoding: bytes[at..<at + 4], as: UTF8.self)
        }
        guard tag(0) == "RIFF", tag(8) == "WAVE" else { throw .invalid("missing RIFF/WAVE header") }
        guard let riffSize = u32(4), riffSize + 8 <= bytes.count else {
            throw .invalid("RIFF size field larger than the file")
        }
        var offset = 12
        var format: (channels: Int, rate: Int, bits: Int)?
        while offset + 8 <= bytes.count, let id = tag(offset), let size = u32(offset + 4) {
            let body = offset + 8
            guard body + size <= bytes.count else { throw .invalid("chunk '\(id)' runs past the end of the file") }
            if id == "fmt " {
                guard size >= 16, let fmt = u16(body), let ch = u16(body + 2), let rate = u32(body + 4),
                    let bits = u16(body + 14)
                else { throw .invalid("fmt chunk too short") }
                guard fmt == 1, bits == 16 else {
                    throw .invalid("format \(fmt) with \(bits) bits, expected PCM 16-bit")
                }
                guard ch > 0, rate > 0 else { throw .invalid("zero channels or sample rate") }
                format = (ch, rate, bits)
            } else if id == "data" {
                guard let f = format else { throw .invalid("data chunk before fmt chunk") }
                var samples = [Int16](repeating: 0, count: size / 2)
                for i in 0..<samples.count {
                    let lo = UInt16(bytes[body + 2 * i])
                    let hi = UInt16(bytes[body + 2 * i + 1])
                    samples[i] = Int16(bitPattern: lo | hi << 8)
                }
                var file = WAVFile(sampleRate: f.rate, channels: f.channels, samples: samples)
                file.bitsPerSample = f.bits
                return file
            }
            offset = body + size + (size & 1)
        }
        throw .invalid("no data chunk")
    }
}
