import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Decides how a digest file's bytes are text: UTF-8 (with or without its BOM), UTF-16 (converted: its BOM, or the
/// zero bytes of mostly-Latin text, make that certain), or another encoding — refused with its likely name (tried
/// with the C library's `iconv`: GB18030/GBK, Big5, Shift_JIS), since reading mojibake aloud helps nobody.
enum DigestEncoding {
    enum Outcome: Equatable {
        /// Text to parse; `convertedFrom` names the encoding it was converted from.
        case text(String, convertedFrom: String?)
        /// Mostly UTF-8 with a few bad bytes: parse what is readable, warn at the first bad byte.
        case damagedUTF8
        /// Not UTF-8: refused; `likely` names the encoding the bytes decode as, if any.
        case refused(likely: String?)
    }

    static func decode(_ data: Data) -> Outcome {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]), let text = String(data: data.dropFirst(2), encoding: .utf16LittleEndian) {
            return .text(text, convertedFrom: "UTF-16")
        }
        if bytes.starts(with: [0xFE, 0xFF]), let text = String(data: data.dropFirst(2), encoding: .utf16BigEndian) {
            return .text(text, convertedFrom: "UTF-16")
        }
        // Checked before UTF-8: Latin text in UTF-16 is also valid UTF-8, full of NUL characters.
        if let utf16 = zeroPatternUTF16(bytes), let text = String(data: data, encoding: utf16) {
            return .text(text, convertedFrom: "UTF-16")
        }
        if let text = String(data: data, encoding: .utf8) { return .text(text, convertedFrom: nil) }
        if let likely = likelyLegacyEncoding(bytes) { return .refused(likely: likely) }
        let bad = invalidUTF8Offsets(bytes).count
        return bad <= 8 || bad * 100 <= bytes.count ? .damagedUTF8 : .refused(likely: nil)
    }

    /// The legacy encoding the bytes read as: Shift_JIS when they give kana; GB18030 (GBK) or Big5 when they give
    /// Chinese (both when both do, since their byte ranges overlap).
    private static func likelyLegacyEncoding(_ bytes: [UInt8]) -> String? {
        func count(_ text: String?, _ range: ClosedRange<UInt32>) -> Int {
            text?.unicodeScalars.filter { range.contains($0.value) }.count ?? 0
        }
        if count(iconv(bytes, from: "SHIFT_JIS"), 0x3040...0x30FF) >= 2 { return "Shift_JIS, a Japanese encoding" }
        let gb = count(iconv(bytes, from: "GB18030"), 0x4E00...0x9FFF) >= 2
        let big5 = count(iconv(bytes, from: "BIG5"), 0x4E00...0x9FFF) >= 2
        switch (gb, big5) {
        case (true, true): return "GB18030 (GBK) or Big5, Chinese encodings"
        case (true, false): return "GB18030 (GBK), a Chinese encoding"
        case (false, true): return "Big5, a Chinese encoding"
        case (false, false): return nil
        }
    }

    /// UTF-16 without a BOM: mostly-Latin text has a zero in every other byte.
    private static func zeroPatternUTF16(_ bytes: [UInt8]) -> String.Encoding? {
        guard bytes.count >= 8, bytes.count % 2 == 0 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for (i, b) in bytes.enumerated() where b == 0 {
            if i % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let half = bytes.count / 2
        if oddZeros * 10 >= half * 3, evenZeros * 10 < half { return .utf16LittleEndian }
        if evenZeros * 10 >= half * 3, oddZeros * 10 < half { return .utf16BigEndian }
        return nil
    }

    /// The bytes decoded from `encoding` by iconv, or nil if they are not valid in it.
    static func iconv(_ bytes: [UInt8], from encoding: String) -> String? {
        #if canImport(Glibc)
            let converter = iconv_open("UTF-8", encoding)
            guard converter != iconv_t(bitPattern: -1) else { return nil }
            defer { iconv_close(converter) }
            var input = bytes.map { CChar(bitPattern: $0) }
            var output = [CChar](repeating: 0, count: bytes.count * 4 + 4)
            let ok = input.withUnsafeMutableBufferPointer { inBuffer -> Bool in
                output.withUnsafeMutableBufferPointer { outBuffer -> Bool in
                    var inPointer = inBuffer.baseAddress
                    var inLeft = inBuffer.count
                    var outPointer = outBuffer.baseAddress
                    var outLeft = outBuffer.count
                    return Glibc.iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 && inLeft == 0
                }
            }
            guard ok else { return nil }
            return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
            return nil
        #endif
    }

    /// Byte offsets where a UTF-8 sequence is invalid (each bad byte once; a valid sequence is skipped whole).
    static func invalidUTF8Offsets(_ bytes: [UInt8], stopAfterFirst: Bool = false) -> [Int] {
        var offsets: [Int] = []
        var i = 0
        while i < bytes.count {
            let length: Int
            switch bytes[i] {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let valid =
                length > 0 && i + length <= bytes.count
                && bytes[(i + 1)..<(i + length)].allSatisfy { $0 & 0xC0 == 0x80 }
                && String(bytes: bytes[i..<(i + length)], encoding: .utf8) != nil
            if valid {
                i += length
            } else {
                offsets.append(i)
                if stopAfterFirst { break }
                i += 1
            }
        }
        return offsets
    }
}
