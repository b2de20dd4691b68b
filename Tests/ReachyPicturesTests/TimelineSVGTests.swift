import Bop
import Foundation
import Testing

@testable import ReachyPictures

@Suite struct TimelineSVGTests {
    func timeline(_ program: String) throws -> Timeline {
        let result = BopCompiler.compile(program)
        return try #require(result.timeline, "the test program does not compile")
    }

    func root(_ svg: [SVGElement]) throws -> (origin: Double, pps: Double) {
        let r = try #require(svg.first { $0.tag == "svg" })
        return (try #require(r.number("data-origin-x")), try #require(r.number("data-pixels-per-second")))
    }

    let program = """
        level 3
        look left 20
        together
          nod twice
          wiggle antennas
        end
        say "hello there"
        turn left 30
        play sound dance1
        wait 1 second
        """

    @Test func oneLanePerPart() throws {
        let svg = SVGElements.parse(TimelineSVG().document(try timeline(program)))
        let lanes = svg.filter { $0["class"] == "lane" }.compactMap { $0["data-track"] }
        #expect(lanes == ["head", "antennas", "body", "voice", "sound"])
        // Every segment sits in the lane of its track.
        let t = try timeline(program)
        for track in Track.allCases {
            let drawn = svg.filter { $0["class"] == "segment" && $0.lane == track.rawValue }.count
            #expect(drawn == t.segments.filter { $0.track == track }.count, "\(track)")
        }
    }

    /// A Chinese program's timeline reads in Chinese: lane and row names, labels, the seconds ruler, tooltips.
    @Test func aChineseProgramsTimelineIsInChinese() throws {
        let chinese = TimelineSVG().document(try timeline("向左看 20\n点头\n说 \"你好\"\n转身 向左 30\n"))
        for word in [">头</text>", ">天线</text>", ">身体</text>", ">说话</text>", ">声音</text>", ">转头 20°</text>"] {
            #expect(chinese.contains(word), "\(word)")
        }
        #expect(chinese.contains(">说“你好”</text>") || chinese.contains(">说“你好…</text>"))
        #expect(chinese.contains(" 秒</text>") && chinese.contains("<title>第 1 行：转头 20°（从 0.00 秒开始"))
        for english in [">head</text>", ">antennas</text>", ">voice</text>", " s</text>", ">yaw ", "line 1:"] {
            #expect(!chinese.contains(english), "\(english)")
        }
        // English stays English.
        let english = TimelineSVG().document(try timeline("look left 20\n"))
        #expect(
            english.contains(">head</text>") && english.contains(">yaw 20°</text>") && english.contains(" s</text>"))
    }

    @Test func labelsStartAtTheirSegmentsStartTime() throws {
        let result = BopCompiler.compile(program)
        let t = try #require(result.timeline)
        let svg = SVGElements.parse(TimelineSVG(pixelsPerSecond: 50).document(t, source: result.source))
        let (origin, pps) = try root(svg)
        #expect(pps == 50)
        let labels = svg.filter { $0["class"] == "label" }
        #expect(labels.count >= 6)
        // Every label starts where a segment of its lane starts (times from the timeline, not the picture).
        for label in labels {
            let x = try #require(label.number("x"))
            let starts = t.segments.filter { $0.track.rawValue == label.lane }.map { $0.start.doubleValue }
            #expect(starts.contains { abs(origin + $0 * 50 + 3 - x) < 0.006 }, "label at x \(x)")
        }
        func label(at segment: TimelineSegment) -> String? {
            labels.first {
                abs(($0.number("x") ?? .nan) - (origin + segment.start.doubleValue * 50 + 3)) < 0.006
                    && $0.lane == segment.track.rawValue
            }?["data-start"]
        }
        // Single moves each get their own label at their start.
        for s in t.segments where s.track == .voice || s.track == .sound || s.track == .body || s.line == 2 {
            #expect(label(at: s) != nil, "line \(s.line) \(s.track)")
        }
        let text = TimelineSVG(pixelsPerSecond: 50).document(t, source: result.source)
        #expect(text.contains(">say “hello there”</text>"))
        #expect(text.contains(">yaw 20°</text>"))
        #expect(text.contains(">yaw 30°</text>"))
        #expect(text.contains(">sound dance1</text>"))
        // The strokes of `nod twice` share one label: the program line.
        #expect(text.components(separatedBy: ">nod twice</text>").count == 2)
    }

    @Test func beatLinesFollowTheTempo() throws {
        let t = try timeline("level 3\ntempo 90\nnod 4 times\nlook left 30 for 3 beats\n")
        let svg = SVGElements.parse(TimelineSVG(pixelsPerSecond: 100).document(t))
        let xs = svg.filter { $0["class"] == "beat" }.compactMap { $0.number("x1") }
        // Beats every 60/90 s from 0 to the end, 100 px per second.
        let expected = Int((t.duration.doubleValue / (60.0 / 90)).rounded(.down)) + 1
        #expect(xs.count == expected)
        #expect(xs.count > 4)
        for (a, b) in zip(xs, xs.dropFirst()) {
            #expect(abs((b - a) - 100 * 60.0 / 90) < 0.011)
        }
    }

    @Test func tempoChangeRestartsTheGrid() throws {
        let t = try timeline("level 3\nlook left 20 for 2 beats\ntempo 60\nlook right 20 for 2 beats\n")
        // 2 beats at 120 (1 s), then 2 beats at 60 (2 s).
        #expect(t.tempoChanges == [TempoChange(start: Rational(1), bpm: 60)])
        #expect(TimelineSVG.beats(of: t) == [0, 0.5, 1, 2, 3])
    }

    @Test func defaultTempoIs120() throws {
        let t = try timeline("level 1\nnod\nshake\n")
        #expect(t.tempoChanges.isEmpty)
        let beats = TimelineSVG.beats(of: t)
        for (a, b) in zip(beats, beats.dropFirst()) { #expect(abs((b - a) - 0.5) < 1e-12) }
    }
}
