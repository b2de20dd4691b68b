import Foundation
import ReachySpeech
import Testing

@testable import ReachyNews

/// The recital's length: the estimate agrees with the synthesized voice, a budget shortens every item rather than
/// dropping any, and long comma-only sentences are cut into clauses for the gestures.
@Suite("Recital length", .serialized)
struct RecitalLengthTests {
    static func plan(_ options: RecitalOptions) throws -> RecitalPlan {
        try RecitalPlanner.bundled().plan([DigestParser.parse(contentsOf: TestFiles.sample).digest], options: options)
    }

    @Test("The estimate is within 30 % of the synthesized length")
    func estimate() throws {
        let plan = try Self.plan(RecitalOptions(length: .firstSentence))
        let rendered = try RecitalRenderer(synthesizer: SpeechSynthesizer(mandarinMode: .voiceRuns)).render(plan)
        let actual = Double(rendered.audio.samples.count) / Double(rendered.audio.sampleRate)
        #expect(
            abs(plan.estimatedSeconds - actual) <= 0.3 * actual,
            "estimated \(plan.estimatedSeconds) s, spoken \(actual) s")
    }

    @Test("A budget picks the fullest reading that fits, and never drops an item")
    func budget() throws {
        let full = try Self.plan(RecitalOptions())
        let first = try Self.plan(RecitalOptions(length: .firstSentence))
        let headlines = try Self.plan(RecitalOptions(length: .headlines))
        #expect(full.estimatedSeconds > first.estimatedSeconds && first.estimatedSeconds > headlines.estimatedSeconds)
        func planned(_ seconds: Double) throws -> RecitalPlan {
            var options = RecitalOptions()
            options.budget = seconds
            return try Self.plan(options)
        }
        #expect(try planned(full.estimatedSeconds + 1) == full)
        #expect(try planned(full.estimatedSeconds - 1) == first)
        #expect(try planned(first.estimatedSeconds - 1) == headlines)
        // Even too short a budget reads every item, by its headline.
        let tiny = try planned(10)
        #expect(tiny == headlines)
        #expect(tiny.items.count == 9)
    }

    @Test("A long sentence with only commas is cut into clauses, each a gesture point; short ones stay whole")
    func clauses() {
        let long = "阿里巴巴今天发布了新的多模态模型，支持图片分层，可以把一张图片拆成多个图层，方便设计师分别编辑每一个部分，而且代码和模型权重都已经完全开源"
        let pieces = RecitalPlanner.clauses(long)
        #expect(pieces.count >= 3)
        #expect(pieces.joined() == long)
        #expect(pieces.allSatisfy { $0.count >= 15 })
        #expect(RecitalPlanner.clauses("短句，没有必要切开。") == ["短句，没有必要切开。"])
    }
}

/// An English digest is presented in English: intro, ordinals and outro, and its numbers stay for the English voice.
@Suite("English digests")
struct EnglishDigestTests {
    @Test("Intro, ordinals and outro follow the digest's language")
    func english() throws {
        let text = """
            ---
            title: "AI Daily"
            date: 2025-12-21
            ---

            1. [OpenAI ships GPT-5.2](https://example.com/a)
               It is 2 times faster and costs 30% less.
            2. [Google updates Gemini](https://example.com/b)
               The update reaches 500 million users.
            """
        let plan = try RecitalPlanner.bundled().plan([DigestParser.parse(text).digest])
        let intro = plan.segments[0].sentences.map(\.speech).joined(separator: " ")
        #expect(intro == "Hello, today is Sunday, December 21, 2025. Here is the latest A I news: 2 items.")
        #expect(plan.items[0].sentences[0].speech == "Number 1.")
        #expect(plan.items[1].sentences[0].speech == "And finally, number 2.")
        #expect(plan.items[0].sentences.contains { $0.speech == "It is 2 times faster and costs 30% less." })
        #expect(plan.segments.last?.sentences.first?.speech.hasPrefix("That's all the A I news for today.") == true)
        // A Chinese digest keeps the Chinese presentation.
        let chinese = try RecitalPlanner.bundled().plan([DigestParser.parse(contentsOf: TestFiles.sample).digest])
        #expect(chinese.items[0].sentences[0].speech == "第一条。")
    }
}

/// The number gesture plays on the number, as the voice says it.
@Suite("Number gesture", .serialized)
struct NumberGestureTests {
    @Test("number_pop starts when the number is spoken, well after its sentence starts")
    func onTheWord() throws {
        let text = """
            ---
            title: t
            date: 2025-12-21
            ---

            1.  [开源模型下载量创纪录](https://x.com/1)

                这个开源模型发布以后受到了全世界开发者的欢迎，累计下载量已经突破500万次。

            """
        let plan = try RecitalPlanner.bundled().plan([DigestParser.parse(text).digest])
        let rendered = try RecitalRenderer(synthesizer: SpeechSynthesizer(mandarinMode: .voiceRuns)).render(plan)
        let item = try #require(rendered.plan.items.first)
        let sentence = try #require(item.sentences.first { $0.numberSplit != nil })
        let pop = try #require(item.gestures.first { $0.gesture == "number_pop" })
        #expect(pop.anchor == sentence.numberMark)
        let start = try #require(sentence.start)
        let end = try #require(sentence.end)
        let t = try #require(pop.time)
        // The number is near the end of a long sentence: the gesture comes in its last part, not at its start.
        #expect(t > start + 0.6 * (end - start), "pop at \(t), sentence \(start)–\(end)")
        #expect(t < end)
    }
}

/// A Japanese digest is presented in Japanese the voice can read (kana and digits).
@Suite("Japanese digests")
struct JapaneseDigestTests {
    @Test("Intro, ordinals and outro in kana; numbers stay digits for the Japanese voice")
    func japanese() throws {
        let text = """
            ---
            title: "AIニュース"
            date: 2025-12-21
            ---

            1. [あたらしいモデルがでました](https://example.com/a)
               このモデルは3ばいはやくなりました。
            2. [ロボットのニュース](https://example.com/b)
               がっこうでつかわれています。
            """
        let plan = try RecitalPlanner.bundled().plan([DigestParser.parse(text).digest])
        let intro = plan.segments[0].sentences.map(\.speech).joined()
        #expect(intro == "みなさん、こんにちは。きょうは12がつ21にちです。エーアイ ニュースを 2けん おつたえします。")
        #expect(plan.items[0].sentences[0].speech == "1ばんめ。")
        #expect(plan.items[1].sentences[0].speech == "さいごに、2ばんめ。")
        #expect(plan.items[0].sentences.contains { $0.speech == "このモデルは3ばいはやくなりました。" })
        #expect(plan.segments.last?.sentences.first?.speech.hasPrefix("いじょうです。") == true)
        #expect(SSMLBuilder.ssml(for: plan.script, style: .voiceRuns).contains("<voice name=\"ja\">"))
    }
}
