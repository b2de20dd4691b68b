import Foundation
import ReachyMotion
import Testing

@testable import ReachyNews

@Suite("Recital plan and gestures")
struct RecitalPlanTests {
    static func samplePlan(_ options: RecitalOptions = RecitalOptions()) throws -> RecitalPlan {
        try RecitalPlanner.bundled().plan([DigestParser.parse(contentsOf: TestFiles.sample).digest], options: options)
    }

    @Test("Intro with the date, ordinals, headline, body sentences, sign-off")
    func structure() throws {
        let plan = try Self.samplePlan()
        #expect(plan.date == "2025-12-21")
        #expect(plan.utcOffsetSeconds == 28800)
        #expect(plan.segments.first?.kind == .intro && plan.segments.last?.kind == .outro)
        #expect(plan.items.count == 9)
        let intro = plan.segments[0].sentences.map(\.speech).joined()
        #expect(intro.hasPrefix("各位好，今天是二〇二五年十二月二十一日，星期日。"))
        #expect(intro.hasSuffix("共九条。"))
        let first = plan.items[0]
        // Two body sentences; the first, long and joined by commas only, is read as three clauses.
        #expect(first.sentences.map(\.mark) == ["i1.n", "i1.h", "i1.s1", "i1.s2", "i1.s3", "i1.s4"])
        #expect(first.sentences[0].speech == "第一条。")
        #expect(first.sentences[1].speech == "阿里巴巴Chwen Image Layered发布，支持图片分层。")
        #expect(first.url == "https://x.com/mervenoyann/status/2002053971406700740")
        #expect(plan.items[8].sentences[0].speech == "最后一条，第九条。")
        #expect(plan.sentences.allSatisfy { !$0.speech.contains("http") && !$0.speech.contains("@") })
        let marks = plan.sentences.map(\.mark)
        #expect(Set(marks).count == marks.count)
    }

    @Test("Each item presents itself, plays its mood gesture at the headline, and looks at the audience after")
    func gestures() throws {
        let plan = try Self.samplePlan()
        for item in plan.items {
            let mood = try #require(item.mood).mood
            #expect(item.gestures.first?.gesture.hasPrefix("present_item") == true)
            #expect(item.gestures.contains { $0.gesture == mood.rawValue && $0.anchor == "\(item.id).h" })
            #expect(item.gestures.last?.gesture == "look_audience")
            #expect(item.gestures.last?.anchor == item.endMark)
            // Every anchor is a mark that the script will contain.
            let marks = Set(
                item.sentences.map(\.mark) + item.sentences.filter { $0.numberSplit != nil }.map(\.numberMark)
                    + [item.endMark])
            #expect(item.gestures.allSatisfy { marks.contains($0.anchor) })
        }
        #expect(plan.gestures.allSatisfy { $0.isWithinLimits })
        #expect(plan.gestures.allSatisfy { $0.time == nil })
        // Item 8 (milestone) pops the antennas on the number (500万) in its first sentence, not at its start.
        #expect(plan.items[7].gestures.contains { $0.gesture == "number_pop" && $0.anchor == "i8.s1.n" })
        #expect(plan.segments.last?.gestures.contains { $0.gesture == "bow" } == true)
    }

    @Test("Gesture poses are clamped to ±15° head and ±60° antennas, even from a table")
    func clamping() throws {
        let json =
            #"{"gestures": {"wild": [{"roll": 90, "pitch": -40, "yaw": 16, "right": 200, "left": -61, "duration": 30, "easing": "cartoon"}]}}"#
        let library = try JSONDecoder().decode(GestureLibrary.self, from: Data(json.utf8))
        let pose = try #require(library.poses("wild").first)
        #expect(pose.roll == 15 && pose.pitch == -15 && pose.yaw == 15)
        #expect(pose.right == 60 && pose.left == -60)
        #expect(pose.duration == 5)
        let bundled = try GestureLibrary.bundled()
        for (_, poses) in bundled.gestures {
            #expect(!poses.isEmpty)
        }
        #expect(GesturePose(roll: .nan, duration: .infinity, easing: .linear).roll == 0)
    }

    @Test("Options: item cap, headlines only, category filter")
    func options() throws {
        let capped = try Self.samplePlan(RecitalOptions(maxItems: 3, length: .headlines))
        #expect(capped.items.count == 3)
        #expect(capped.items.allSatisfy { $0.sentences.map(\.role) == [.ordinal, .headline] })
        #expect(capped.segments[0].sentences[1].speech.hasSuffix("共三条。"))
        #expect(capped.items[2].sentences[0].speech == "最后一条，第三条。")
        let robots = try Self.samplePlan(RecitalOptions(categories: ["机器人"]))
        #expect(robots.items.count == 9)
        let none = try Self.samplePlan(RecitalOptions(categories: ["体育"]))
        #expect(none.items.isEmpty)
        #expect(none.segments[0].sentences[1].speech == "今天没有新的A I快讯。")
    }

    @Test("Several digests a day are merged newest first and de-duplicated by link and headline")
    func merge() throws {
        let early = DigestParser.parse(
            """
            ---
            title: a
            date: 2025-12-21T00:00:00+08:00
            ---
            1. [旧闻甲](https://twitter.com/u/status/1?s=20)
                甲。
            2. [旧闻乙](https://x.com/u/status/2)
                乙。
            """
        ).digest
        let late = DigestParser.parse(
            """
            ---
            title: b
            date: 2025-12-21T04:00:00+08:00
            ---
            1. [新闻丙](https://x.com/u/status/3)
                丙。
            2. [旧闻甲（更新）](https://X.com/u/status/1/)
                甲更新。
            3. [旧闻 乙](https://example.com/other)
                乙转载。
            """
        ).digest
        let merged = DigestMerger.merge([early, late])
        // Newest digest first; 甲 again (other spelling of the same link) and 乙 again (same headline, other link)
        // are dropped from the older digest.
        #expect(merged.map(\.item.headline) == ["新闻丙", "旧闻甲（更新）", "旧闻 乙"])
        #expect(merged.map(\.item.body) == ["丙。", "甲更新。", "乙转载。"])
        #expect(DigestMerger.canonicalURL("https://www.Twitter.com/u/status/1?s=20#x") == "https://x.com/u/status/1")
        let plan = try RecitalPlanner.bundled().plan([early, late])
        #expect(plan.items.count == 3)
        #expect(plan.date == "2025-12-21")
    }

    @Test("The plan survives a JSON round trip")
    func codable() throws {
        let plan = try Self.samplePlan(RecitalOptions(maxItems: 2))
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(RecitalPlan.self, from: data) == plan)
    }
}
