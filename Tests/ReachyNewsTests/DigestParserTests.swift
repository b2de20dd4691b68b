import Foundation
import Testing

@testable import ReachyNews

@Suite("Digest parsing")
struct DigestParserTests {
    @Test("The sample digest: front matter and nine items")
    func sample() throws {
        let result = DigestParser.parse(contentsOf: TestFiles.sample)
        #expect(result.diagnostics.isEmpty)
        let digest = result.digest
        let meta = try #require(digest.metadata)
        #expect(meta.title == "2025.12.21.00 过去4小时全球AI发生了什么？")
        #expect(meta.dateText == "2025-12-21T00:00:09+08:00")
        #expect(meta.utcOffsetSeconds == 8 * 3600)
        // 00:00:09 at +08:00 is 16:00:09 UTC the day before.
        #expect(meta.date == Date(timeIntervalSince1970: 1_766_246_409))
        #expect(meta.localDay.year == 2025 && meta.localDay.month == 12 && meta.localDay.day == 21)
        #expect(meta.localDay.weekday == 1)  // Sunday
        #expect(meta.categories == ["AI技术进展", "AI应用", "行业观察", "机器人"])
        #expect(digest.preamble == "以下是过去一段时间全球AI领域的重要动态：")

        #expect(digest.items.map(\.number) == Array(1...9))
        let first = digest.items[0]
        #expect(first.headline == "阿里巴巴Qwen-Image-Layered发布，支持图片分层")
        #expect(first.url == "https://x.com/mervenoyann/status/2002053971406700740")
        #expect(first.line == 9)
        #expect(first.body.hasPrefix("阿里巴巴的Qwen-Image-Layered现已正式上线"))
        #expect(digest.items[8].body.hasSuffix("NotebookLM本身也正迅速普及。"))
        let lengths = digest.items.map(\.body.count)
        #expect(lengths.min() ?? 0 >= 100 && lengths.max() ?? 0 <= 350)
        // Bold is text to read: the words stay, the asterisks go before speech (CommonMark leaves some `**` next to
        // Chinese punctuation as written; the speech text removes those too).
        #expect(InlineMarkdown.plainText(digest.items[1].body).contains("RLVR（可验证奖励的强化学习）成为新的训练范式"))
    }

    @Test("CRLF line endings and a BOM parse the same")
    func crlf() throws {
        let text = try TestFiles.sampleText()
        let windows = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(DigestParser.parse(windows).digest.items == DigestParser.parse(text).digest.items)
        #expect(DigestParser.parse(windows).diagnostics.isEmpty)
    }

    @Test(
        "Front-matter date forms",
        arguments: [
            ("date: 2025-12-21T00:00:09+08:00", 1_766_246_409.0, 28800),
            ("date: \"2025-12-21T00:00:09+08:00\"", 1_766_246_409.0, 28800),
            ("date: 2025-12-21", 1_766_246_400.0, 28800),
            ("date: 2025-12-20T16:00:09Z", 1_766_246_409.0, 0),
            ("date: 2025-12-21 00:00:09 +0800", 1_766_246_409.0, 28800),
        ])
    func dates(line: String, epoch: Double, offset: Int) throws {
        let text = "---\ntitle: t\n\(line)\n---\n1. [h](https://a.b/c)\n    正文。\n"
        let result = DigestParser.parse(text)
        #expect(result.diagnostics.isEmpty)
        let meta = try #require(result.digest.metadata)
        #expect(meta.date.timeIntervalSince1970 == epoch)
        #expect(meta.utcOffsetSeconds == offset)
        #expect(meta.categories == [])
    }

    @Test("Alternative item markers and multi-line bodies")
    func markers() {
        let text = """
            ---
            title: t
            date: 2025-12-21
            ---
            1、[甲](https://a.b/1)
                第一行
                第二行 with English
                words here。
            2) [乙 [v2]](https://a.b/2)
            正文没有缩进。
            """
        let result = DigestParser.parse(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.digest.items.map(\.headline) == ["甲", "乙 [v2]"])
        #expect(result.digest.items.first?.body == "第一行第二行 with English words here。")
        #expect(result.digest.items.last?.body == "正文没有缩进。")
    }

    @Test("Lines that start with numbers inside a paragraph are not headers")
    func numbersInBody() {
        let text = "---\ntitle: t\ndate: 2025-12-21\n---\n1. [h](https://a.b/c)\n2025.12.21 发布。\n3.5%的增长。\n"
        let result = DigestParser.parse(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.digest.items.count == 1)
        #expect(result.digest.items[0].body == "2025.12.21 发布。3.5%的增长。")
    }

    @Test("parseStrict throws the first error")
    func strict() {
        #expect(throws: DigestError.missingFrontMatter(line: 1)) {
            try DigestParser.parseStrict("1. [h](https://a.b)\n x\n")
        }
    }

    @Test("Invalid UTF-8 is reported at its line and the rest still parses")
    func invalidUTF8() throws {
        var bytes = Array("---\ntitle: t\ndate: 2025-12-21\n---\n1. [h](https://a.b/c)\n    正文".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("。\n".utf8)
        let result = DigestParser.parse(data: Data(bytes), source: "bad.md")
        let first = try #require(result.diagnostics.first)
        #expect(first.error == .invalidEncoding(line: 6, column: 7))
        #expect(result.digest.items.count == 1)
    }

    @Test("A missing file is an unreadable error naming the path")
    func missingFile() {
        let result = DigestParser.parse(contentsOf: URL(fileURLWithPath: "/nonexistent/digest.md"))
        #expect(result.firstError?.code == "unreadable")
        #expect(result.diagnostics.first?.description.contains("/nonexistent/digest.md") == true)
    }
}
