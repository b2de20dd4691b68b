import Testing

@testable import ReachyNews

@Suite("Moods")
struct MoodTests {
    static let classifier = try? MoodClassifier.bundled()

    @Test("Moods of the sample's nine items")
    func sample() throws {
        let classifier = try #require(Self.classifier)
        let digest = DigestParser.parse(contentsOf: TestFiles.sample).digest
        let categories = digest.metadata?.categories ?? []
        let moods = digest.items.map {
            classifier.classify(headline: $0.headline, body: $0.body, categories: categories)
        }
        #expect(
            moods.map(\.mood) == [
                .excited, .thoughtful, .neutral, .robot, .thoughtful, .thoughtful, .excited, .milestone, .thoughtful,
            ])
        // Item 1: 发布 in the headline counts twice, 上线 and 开源 once.
        #expect(moods[0].score == 4)
        #expect(moods[0].explanation.hasPrefix("excited 4: 发布×2, 上线, 开源"))
        // Item 4 is about Reachy itself; the 机器人 category adds its prior.
        #expect(moods[3].hits.contains { $0.keyword == "category 机器人" })
        #expect(moods[2].explanation == "neutral (no keywords)")
    }

    @Test("A negation just before a keyword cancels it")
    func negation() throws {
        let classifier = try #require(Self.classifier)
        let plain = classifier.classify(headline: "新模型发布", body: "")
        let negated = classifier.classify(headline: "新模型尚未发布", body: "")
        #expect(plain.mood == .excited)
        #expect(negated.mood == .neutral)
    }

    @Test("English keywords match whole words in any case")
    func english() throws {
        let classifier = try #require(Self.classifier)
        #expect(classifier.classify(headline: "Regulators warn of RISKS", body: "a lawsuit follows").mood == .caution)
        #expect(classifier.classify(headline: "Humanoid robot ships", body: "").mood == .robot)
        // "launchpad" is not "launch".
        #expect(classifier.classify(headline: "launchpad", body: "").mood == .neutral)
    }

    @Test("Numbers with 万/亿/倍/% count for milestone")
    func numbers() throws {
        let classifier = try #require(Self.classifier)
        let m = classifier.classify(headline: "用户数达到3亿", body: "同比增长35%。")
        #expect(m.mood == .milestone)
        #expect(m.hits.contains { $0.keyword == "3亿" && $0.weight == 2 })
        #expect(m.hits.contains { $0.keyword == "35%" && $0.weight == 1 })
    }
}
