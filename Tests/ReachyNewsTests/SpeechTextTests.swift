import Foundation
import FoundationEssentials
import Testing

@testable import ReachyNews

@Suite("Text for speech")
struct SpeechTextTests {
    static let normalizer: SpeechNormalizer =
        (try? SpeechNormalizer.bundled()) ?? SpeechNormalizer(lexicon: Lexicon(respellings: []))

    @Test(
        "Chinese numerals",
        arguments: [
            ("0", "零"), ("7", "七"), ("10", "十"), ("15", "十五"), ("20", "二十"), ("101", "一百零一"),
            ("110", "一百一十"), ("390", "三百九十"), ("1005", "一千零五"), ("2025", "二千零二十五"),
            ("10050", "一万零五十"), ("100000", "十万"), ("150000", "十五万"), ("5000000", "五百万"),
            ("100000000", "一亿"), ("120000000", "一亿二千万"), ("100010000", "一亿零一万"),
            ("1000000001", "十亿零一"), ("007", "〇〇七"),
        ])
    func integers(input: String, expected: String) {
        #expect(ChineseNumerals.integer(input) == expected)
    }

    @Test("Digit by digit and decimals")
    func digitsAndDecimals() {
        #expect(ChineseNumerals.digits("2025") == "二〇二五")
        #expect(ChineseNumerals.decimal("3.5") == "三点五")
        #expect(ChineseNumerals.decimal("0.05") == "零点零五")
        #expect(ChineseNumerals.decimal("12") == "十二")
    }

    @Test(
        "Normalisation rules",
        arguments: [
            // years, dates, percentages, decimals, multipliers, 万/亿
            ("发布2025年LLM年度回顾", "发布二〇二五年L L M年度回顾"),
            ("今天是2025年12月21日", "今天是二〇二五年十二月二十一日"),
            ("日期2025-12-21发布", "日期二〇二五年十二月二十一日发布"),
            ("增长35%，", "增长百分之三十五，"),
            ("增长3.5％", "增长百分之三点五"),
            ("提升3.5倍", "提升三点五倍"),
            ("惊人的**390倍**同比超通缩", "惊人的三百九十倍同比超通缩"),
            ("下载量突破500万次", "下载量突破五百万次"),
            ("融资1.2亿美元", "融资一点二亿美元"),
            ("共12,000人", "共一万二千人"),
            ("过去4小时", "过去四小时"),
            ("3-5年内", "三到五年内"),
            ("早上8:30开始", "早上八点三十分开始"),
            // English context keeps digits (read in English)
            ("Gemini 3 Flash据称", "Gemini 3 Flash据称"),
            ("GPT5.2与Droid", "GPT 5.2与Droid"),
            ("GPT-5发布", "G P T 5发布"),
            ("OpenAI联合创始人", "Open A I联合创始人"),
            ("吴恩达（Andrew Ng）指出", "吴恩达（Andrew Eng）指出"),
            ("Google的A2UI", "Google的A 2 U I"),
            ("阿里巴巴Qwen-Image", "阿里巴巴Chwen Image"),
            // never read: URLs, handles, e-mail, Markdown
            ("详见https://x.com/dotey/status/2002288466772824569。", "。"),
            ("据@dotey报道", "据 dotey 报道"),
            ("联系 a.b@example.com 获取", "联系 获取"),
            ("[原文](https://x.com/a)称", "原文称"),
            ("“**锯齿状智能**”特性", "“锯齿状智能”特性"),
            ("ＧＰＴ５发布", "GPT 5发布"),
        ])
    func rules(input: String, expected: String) {
        #expect(Self.normalizer.normalize(input) == expected)
    }

    @Test("No URL, handle or long id survives normalising the sample")
    func sampleHasNoURLs() throws {
        let digest = DigestParser.parse(contentsOf: TestFiles.sample).digest
        for item in digest.items {
            let spoken = Self.normalizer.normalize(item.headline + item.body)
            #expect(!spoken.contains("http"))
            #expect(!spoken.contains("@"))
            #expect(!spoken.contains("*"))
            #expect(spoken.range(of: #"\d{5,}"#, options: .regularExpression) == nil)
        }
    }

    @Test("Respelling is whole-word, longest first, and tables merge")
    func lexicon() {
        let table = Lexicon(respellings: [
            .init(written: "AI", spoken: "A I"), .init(written: "OpenAI", spoken: "Open A I"),
            .init(written: "ng", spoken: "ENG", ignoreCase: true),
        ])
        #expect(table.apply(to: "OpenAI and AI, not MAIL or AIs") == "Open A I and A I, not MAIL or AIs")
        #expect(table.apply(to: "Andrew NG") == "Andrew ENG")
        let merged = table.merged(with: Lexicon(respellings: [.init(written: "AI", spoken: "ay eye")]))
        #expect(merged.apply(to: "AI") == "ay eye")
    }

    @Test(
        "Sentence splitting",
        arguments: [
            ("第一句。第二句！第三句？", ["第一句。", "第二句！", "第三句？"]),
            ("他说：“太好了。”然后离开。", ["他说：“太好了。”", "然后离开。"]),
            ("包括A；B；以及C。", ["包括A；", "B；", "以及C。"]),
            ("GPT5.2发布，提升3.5%。下一句", ["GPT5.2发布，提升3.5%。", "下一句"]),
            ("It works. Really! 中文。", ["It works.", "Really!", "中文。"]),
            ("等等……然后呢", ["等等……", "然后呢"]),
            ("（见上文。）下一句。", ["（见上文。）", "下一句。"]),
            ("", []),
            ("。。。", ["。。。"]),
        ])
    func sentences(input: String, expected: [String]) {
        #expect(SentenceSplitter.split(input) == expected)
    }

    @Test("The sample's items split into 2–7 sentences each")
    func sampleSentences() {
        let digest = DigestParser.parse(contentsOf: TestFiles.sample).digest
        let counts = digest.items.map { SentenceSplitter.split(InlineMarkdown.speakableText($0.body)).count }
        #expect(counts.min() == 2 && counts.max() == 7)
        #expect(counts[1] == 7)  // item 2's enumeration is split at every ；
    }
}
