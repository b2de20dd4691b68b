import Foundation
import ReachyMotion
import Testing

@testable import Bop

/// Issue 15: what `reachy run` prints is in the program's language, and the "I know these words" list uses the
/// words the guide teaches (its level table), not other spellings of the same keyword.
@Suite struct RunTextAndGuideWordTests {
    /// The level table of a guide: level → the row's text.
    static func levelRows(_ file: String) -> [Int: String] {
        let text = Fixtures.read(Fixtures.repository.appendingPathComponent("docs/bop/\(file)")) ?? ""
        var rows: [Int: String] = [:]
        for line in text.components(separatedBy: "\n") where line.hasPrefix("| ") {
            let cells = line.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count > 2, let level = Int(cells[1]) { rows[level] = cells[2] }
        }
        return rows
    }

    @Test(arguments: [("en", "guide.md"), ("zh", "guide.zh.md")])
    func knownWordsAreTheGuidesWords(_ code: String, _ file: String) throws {
        let language = try #require(BopLanguages.all[code])
        let rows = Self.levelRows(file)
        #expect(rows.count == 6)
        for (keyword, level) in Levels.command where keyword != .in && keyword != .do {
            let word = language.guideWord(keyword)
            #expect(rows[level]?.contains("`" + word) == true, "\(code): `\(word)` is not in level \(level) of \(file)")
        }
    }

    @Test func theKnownWordsListShowsTheGuidesChineseWords() throws {
        let result = BopCompiler.compile("跑步 10 步\n")
        let d = try #require(result.diagnostics.first)
        #expect(d.id == "unknown-word")
        for word in ["“设”", "“定义动作”", "“举起”", "“转身”", "“播放声音”"] {
            #expect(d.suggestion.contains(word), "\(d.suggestion)")
        }
        for word in ["“设置”", "“定义”", "“抬起”", "“转”"] { #expect(!d.suggestion.contains(word), "\(d.suggestion)") }
    }

    @Test func progressIsInTheProgramsLanguage() throws {
        let zh = BopCompiler.compile("点头\n").language
        let events: [BopPerformer.Event] = [
            .wakingUp, .playing(seconds: 1.5, truncated: false), .line(1, "点头", time: 0), .done,
        ]
        #expect(
            events.compactMap { $0.progressText(program: "舞.bop", language: zh) } == [
                "Reachy 正在醒来…", "正在演 舞.bop（1.50 秒）…", "▶ 第 1 行：点头", "演完啦。",
            ])
        // The English text stays the default for callers that do not say.
        #expect(BopPerformer.Event.done.progressText(program: "x") == "Done.")
        #expect(zh.runMessage("sound-file", ["path": "/tmp/a.wav"]) == "声音存在 /tmp/a.wav。")
    }

    /// Every `run.*` text exists in every language (a missing one would fall back to English).
    @Test func everyRunTextIsInEveryLanguage() throws {
        let english = BopLanguages.english.messages.keys.filter {
            $0.hasPrefix("run.") || $0.hasPrefix("way.") || $0.hasPrefix("joint.")
        }
        #expect(english.count >= 14)
        for language in BopLanguages.all.values {
            for key in english { #expect(language.messages[key] != nil, "\(language.code) lacks \(key)") }
        }
    }

    @Test func aSafetyWarningIsInTheProgramsLanguage() {
        let warning = BopMotionWarning(kind: .clamped, line: 3, time: 1, detail: "head.yaw", language: "zh")
        #expect(warning.description == "注意（第 3 行）：头转动的角度停在了机器人的安全范围边上。")
        let motor = BopMotionWarning(kind: .slowed, line: 2, time: 1, detail: "stewart_6", language: "zh")
        #expect(motor.description == "注意（第 2 行）：头部 6 号电机要动得太快了，机器人会把它放慢。")
        let english = BopMotionWarning(kind: .clamped, line: 4, time: 1, detail: "body_yaw", language: "en")
        #expect(english.description == "Warning (line 4): the body's turn held at the robot's safe limit.")
    }

    /// Every joint name the safety layer reports has words in every language: a Chinese run never shows
    /// `head.yaw` or `stewart_6`, and no message shows a raw joint name.
    @Test func everyJointTheSafetyLayerNamesHasChildWords() {
        let joints =
            ["head.roll", "head.pitch", "head.yaw", "head.z", "head.pose", "body_yaw"]
            + ReachyMotor.allCases.map(\.name)
        for language in BopLanguages.all.values {
            for joint in joints {
                for kind in [BopMotionWarning.Kind.clamped, .slowed] {
                    let text = BopMotionWarning(kind: kind, line: 1, time: 0, detail: joint, language: language.code)
                        .description
                    #expect(!text.contains(joint) && !text.contains("_") && !text.contains("{"), "\(text)")
                }
            }
        }
    }

    /// A run of a Chinese program whose head turns past the limit warns in Chinese words only.
    @Test func aChineseRunWarnsInChineseWords() throws {
        let result = BopCompiler.compile("向上看 30\n向左歪头 30\n向左看 60\n点头\n")
        let timeline = try #require(result.timeline)
        let motion = try BopMotion(timeline: timeline, rate: 50)
        let texts = motion.warnings.map(\.description)
        #expect(!texts.isEmpty)
        for text in texts {
            #expect(text.unicodeScalars.allSatisfy { !("a"..."z").contains(Character($0)) }, "\(text)")
        }
    }
}

/// An empty or comments-only program is not "ready to dance": it says there is nothing to do yet, with a first
/// command, in the language of its comments.
@Suite struct NothingToDoTests {
    @Test(arguments: [("", "en"), ("# my dance\n", "en"), ("level 2\n", "en"), ("# 我的舞\n", "zh"), ("等级 1\n", "zh")])
    func anEmptyProgramSaysHowToStart(_ text: String, _ code: String) throws {
        let result = BopCompiler.compile(text)
        #expect(result.language.code == code)
        #expect(result.diagnostics.map(\.kind) == [.nothingToDo])
        let human = DiagnosticFormatter.human(result)
        #expect(!human.contains("Ready to dance") && !human.contains("可以跳舞啦"))
        #expect(human.contains(code == "en" ? "nod" : "点头"), "\(human)")
        #expect(human.hasSuffix(result.language.messages["summary.empty"].map { $0 + "\n" } ?? "?"))
        #expect(!human.contains("│") && !human.contains("^"), "\(human)")
    }

    @Test func aProgramThatOnlyTeachesAMoveIsNotEmpty() {
        let result = BopCompiler.compile("define move hop\n  nod\nend\n")
        #expect(!result.diagnostics.contains { $0.kind == .nothingToDo })
    }
}
