import Foundation
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
        #expect(classifier.classify(headline: "Regulators warn of RISKS", body: "a warning follows").mood == .caution)
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

/// The hand-labelled headlines (Data/moods-labelled.json): the classifier's accuracy, and the tone-deaf cases of the
/// first review (a suicide lawsuit read as exciting, an injury as playful, a fine and a crash as milestones, a Nobel
/// prize as neutral, good news that says 下降 as caution, 不要炒作 with its warning cancelled) all right.
@Suite("Moods of labelled headlines")
struct LabelledMoodTests {
    struct Case: Decodable, Sendable {
        var headline: String
        var body: String
        var mood: String
    }

    struct Set: Decodable { var cases: [Case] }

    static let cases: [Case] = {
        let url = TestFiles.testsDirectory.appendingPathComponent("Data/moods-labelled.json")
        guard let data = try? Data(contentsOf: url), let set = try? JSONDecoder().decode(Set.self, from: data) else {
            return []
        }
        return set.cases
    }()

    @Test("At least 40 labelled headlines, every mood among them")
    func coverage() {
        #expect(Self.cases.count >= 40)
        #expect(Swift.Set(Self.cases.map(\.mood)) == Swift.Set(Mood.allCases.map(\.rawValue)))
    }

    @Test("Accuracy on the labelled headlines is at least 90 %, and the first seven (the review's cases) are right")
    func accuracy() throws {
        let classifier = try MoodClassifier.bundled()
        var wrong: [String] = []
        for (i, c) in Self.cases.enumerated() {
            let got = classifier.classify(headline: c.headline, body: c.body)
            if got.mood.rawValue != c.mood {
                wrong.append("\(c.headline): \(got.explanation), expected \(c.mood)")
                #expect(i >= 7, "review case wrong: \(c.headline) → \(got.explanation)")
            }
        }
        let accuracy = Double(Self.cases.count - wrong.count) / Double(max(Self.cases.count, 1))
        print(
            "mood accuracy on \(Self.cases.count) labelled headlines: \(Int((accuracy * 100).rounded())) %; wrong: \(wrong)"
        )
        #expect(accuracy >= 0.9, "\(wrong)")
    }

    @Test("Sombre news gets a slow, low gesture with still antennas")
    func sombreGesture() throws {
        let library = try GestureLibrary.bundled()
        let poses = library.poses("sombre")
        #expect(poses.count >= 2)
        #expect(poses.allSatisfy { $0.duration >= 1 })
        // Chin down, and the antennas hold one position (no wiggle: every pose that moves them moves them alike).
        #expect(poses.first.map { $0.pitch > 0 } == true)
        let antennaPoses = Swift.Set(poses.dropLast().map { "\($0.right),\($0.left)" })
        #expect(antennaPoses.count == 1)
    }
}
