import Foundation
import Testing

@testable import ReachyNews

/// A digest saved in another encoding is converted when that is certain (UTF-16) and refused, naming the encoding
/// and how to convert it, when it is not — never read aloud as mojibake.
@Suite("Digest encodings")
struct DigestEncodingTests {
    static func converted(_ text: String, to encoding: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test("UTF-16 with a BOM, either byte order, reads exactly like UTF-8")
    func utf16() throws {
        let text = try TestFiles.sampleText()
        let expected = DigestParser.parse(text).digest.items
        #expect(expected.count == 9)
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            let data = Data(bom) + (text.data(using: encoding) ?? Data())
            let result = DigestParser.parse(data: data, source: "utf16")
            #expect(result.digest.items == expected)
            #expect(result.errors.isEmpty)
        }
    }

    @Test("An English digest in UTF-16 without a BOM is recognised by its zero bytes")
    func utf16WithoutBOM() throws {
        let text = "---\ntitle: t\ndate: 2025-12-21\n---\n\n1. [OpenAI ships](https://example.com/a)\n   It is fast.\n"
        let result = DigestParser.parse(data: text.data(using: .utf16LittleEndian) ?? Data(), source: "le")
        #expect(result.digest.items.map(\.headline) == ["OpenAI ships"])
    }

    @Test(
        "GBK, Big5 and Shift_JIS are refused with their name and the iconv command",
        arguments: [
            ("GB18030", "GB18030"), ("GBK", "GB18030"), ("BIG5", "Big5"), ("SHIFT_JIS", "Shift_JIS"),
        ])
    func otherEncodings(_ encoding: String, _ named: String) throws {
        let head = "---\ntitle: t\ndate: 2025-12-21\n---\n\n"
        let text =
            switch encoding {
            case "SHIFT_JIS": head + "1. [ニュース](https://example.com/a)\n   新しいモデルが発表されました。\n"
            case "BIG5": head + "1. [阿里巴巴發佈新模型](https://example.com/a)\n   支援圖片分層，效果很好。\n"
            default: try TestFiles.sampleText()
            }
        let data = try Self.converted(text, to: encoding)
        try #require(!data.isEmpty && String(data: data, encoding: .utf8) == nil, "iconv gave no \(encoding) bytes")
        let result = DigestParser.parse(data: data, source: "legacy.md")
        #expect(result.digest.items.isEmpty, "mojibake would be read aloud")
        let error = try #require(result.firstError)
        #expect(error.code == "not-utf8")
        #expect(error.description.contains(named))
        #expect(error.description.contains("-t UTF-8 FILE"))
        if encoding != "BIG5" {  // Big5 bytes also read as GB18030: both are named, the command shows the first
            #expect(error.description.contains("iconv -f \(named) -t UTF-8"))
        }
    }

    @Test("A few damaged bytes: the rest is read and the first bad byte is reported")
    func damaged() throws {
        var bytes = Array(try TestFiles.sampleText().utf8)
        let at = try #require(
            bytes.indices.first { bytes[$0] == UInt8(ascii: "1") && bytes[$0 + 1] == UInt8(ascii: ".") })
        bytes.insert(0xFF, at: at + 200)
        let result = DigestParser.parse(data: Data(bytes), source: "damaged")
        #expect(result.digest.items.count == 9)
        #expect(result.diagnostics.first?.error.code == "invalid-encoding")
    }
}
