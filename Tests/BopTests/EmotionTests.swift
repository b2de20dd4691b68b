import Foundation
import ReachyMotion
import ReachyTestSupport
import Testing

@testable import Bop

/// `play emotion NAME` (`播放表情`, `做表情`): a move of the emotions library, loaded while compiling through the
/// injected library, played as recorded (issue 17.3). The library is a small dataset the tests write in the official
/// format.
@Suite(.serialized) struct EmotionTests {
    static let degrees = 180 / Double.pi

    /// A temporary official emotions library with the standard fixture moves (and `extra` raw files).
    static func withEmotions(extra: [String: Data] = [:], _ body: (BopEmotions) throws -> Void) throws {
        let temp = try TemporaryDirectory("bop-emotions")
        defer { temp.remove() }
        let dir = try MoveDatasetFixture.movesDirectory(
            under: temp.url, dataset: MoveDatasetID.emotions.description, extra: extra)
        try body(BopEmotions(library: MoveLibrary(sources: MoveDatasetSources(movesDirectories: [dir], hubCache: nil))))
    }

    static func compile(_ text: String, _ emotions: BopEmotions) -> BopResult {
        BopCompiler.compile(text, options: BopOptions(emotions: emotions))
    }

    @Test func anEmotionLastsItsRecordingAndEndsOnItsLastFrame() throws {
        try Self.withEmotions { emotions in
            let result = Self.compile("level 2\nplay emotion happy\nnod\n", emotions)
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
            let timeline = try #require(result.timeline)
            let span = try #require(timeline.emotions.first)
            #expect(span.name == "happy" && span.start == .zero && span.duration == Rational(1) && span.line == 2)
            #expect(span.sound?.lastPathComponent == "happy.wav")
            let labelled = timeline.segments.filter { $0.text == "emotion happy" }
            #expect(labelled.count == Axis.allCases.count)
            #expect(labelled.allSatisfy { $0.start == .zero && $0.duration == Rational(1) })
            // The nod starts when the emotion ends.
            #expect(timeline.segments.first { $0.line == 3 }?.start == Rational(1))
            // Sampled: the recording itself (half-way: antennas at 0.3 rad), then its last frame held.
            let samples = Sampler.sample(timeline)
            let middle = try #require(samples.first { abs($0.time - 0.5) < 1e-9 })
            #expect(abs(middle.value(.antennaRight) - 0.3 * Self.degrees) < 0.01)
            let end = try #require(samples.first { abs($0.time - 1) < 1e-9 })
            #expect(abs(end.value(.antennaRight) - 0.6 * Self.degrees) < 0.01)
            #expect(abs(end.value(.antennaLeft) + 0.6 * Self.degrees) < 0.01)
            #expect(abs(end.value(.headPitch) + 0.2 * Self.degrees) < 0.01)
            // The same program compiles to the same timeline.
            #expect(Self.compile("level 2\nplay emotion happy\nnod\n", emotions).timeline == timeline)
        }
    }

    @Test func chineseProgramsPlayEmotionsToo() throws {
        try Self.withEmotions { emotions in
            for text in ["播放表情 happy\n", "做表情 happy\n", "播放 表情 happy\n向左看\n"] {
                let result = Self.compile(text, emotions)
                #expect(!result.hasErrors, "\(text): \(result.diagnostics)")
                #expect(result.language.code == "zh", "\(text)")
                #expect(result.timeline?.emotions.map(\.name) == ["happy"], "\(text)")
            }
            // A name written with a space or another case is the one emotion it can be.
            #expect(Self.compile("play emotion Happy\n", emotions).timeline?.emotions.first?.name == "happy")
        }
    }

    @Test func emotionsPlayInLoopsAndMovesAndTakeTheirPlaceInTogether() throws {
        try Self.withEmotions { emotions in
            let loop = Self.compile("repeat 2 times\n  play emotion sad\nend\n", emotions)
            #expect(loop.timeline?.duration == Rational(6, 5))
            #expect(loop.timeline?.emotions.map(\.start) == [.zero, Rational(3, 5)])
            let move = Self.compile("define move mood\n  play feeling wild\nend\nmood\nmood\n", emotions)
            #expect(move.timeline?.emotions.count == 2, "\(move.diagnostics)")
            let talk = Self.compile("together\n  play emotion happy\n  say \"hi\"\nend\n", emotions)
            #expect(!talk.hasErrors, "\(talk.diagnostics)")
            let clash = Self.compile("together\n  play emotion happy\n  nod\nend\n", emotions)
            #expect(clash.diagnostics.contains { $0.kind == .twoJobs })
            // Under `mirror` left and right swap: the body turns the other way.
            let mirrored = try #require(Self.compile("mirror\n  play emotion sad\nend\n", emotions).timeline)
            let end = try #require(Sampler.sample(mirrored).last)
            #expect(abs(end.value(.bodyYaw) + 0.3 * Self.degrees) < 0.01)
        }
    }

    @Test func unknownEmotionsAreErrorsAtTheNameWithADidYouMean() throws {
        try Self.withEmotions { emotions in
            let typo = Self.compile("nod\nplay emotion hapy\n", emotions)
            #expect(typo.timeline == nil)
            let d = try #require(typo.diagnostics.first)
            #expect(d.kind == .unknownEmotion && d.range.line == 2 && d.range.column == 14)
            #expect(d.message == "I don't know an emotion called `hapy`.")
            #expect(d.suggestion == "Did you mean `happy`?")
            let far = try #require(Self.compile("play emotion zzzzzz\n", emotions).diagnostics.first)
            #expect(far.suggestion == "I know these emotions: happy, sad, wild")
            let chinese = try #require(Self.compile("做表情 hapy\n", emotions).diagnostics.first)
            #expect(chinese.kind == .unknownEmotion)
            #expect(chinese.message == "我不知道叫“hapy”的表情。")
            let missing = try #require(Self.compile("play emotion\n", emotions).diagnostics.first)
            #expect(missing.kind == .missingName)
        }
    }

    @Test func withoutALibraryTheErrorSaysHowToGetOne() throws {
        let english = try #require(Self.compile("play emotion cheerful1\n", .none).diagnostics.first)
        #expect(english.kind == .noEmotions && english.range.line == 1 && english.range.column == 14)
        #expect(
            english.suggestion.contains(
                "huggingface-cli download --repo-type dataset pollen-robotics/reachy-mini-emotions-library"))
        #expect(english.suggestion.contains("--moves-dir"))
        let chinese = try #require(Self.compile("做表情 cheerful1\n", .none).diagnostics.first)
        #expect(chinese.kind == .noEmotions)
        #expect(chinese.title == "我还没有表情库")
        // Programs without emotions never look for the library.
        #expect(!Self.compile("nod\n", .none).hasErrors)
    }

    @Test func aBrokenEmotionFileIsAnErrorNotACrash() throws {
        try Self.withEmotions(extra: ["broken.json": Data("{\"time\": [0, 1], \"set_target_data\": []}".utf8)]) {
            emotions in
            let d = try #require(Self.compile("play emotion broken\n", emotions).diagnostics.first)
            #expect(d.kind == .brokenEmotion)
            #expect(d.suggestion.contains("broken.json"))
        }
    }

    @Test func anEmotionBeyondTheKidLimitsIsHeldThereWithAWarning() throws {
        try Self.withEmotions { emotions in
            let result = Self.compile("play emotion wild\n", emotions)
            #expect(!result.hasErrors)
            #expect(result.diagnostics.contains { $0.kind == .clamped && $0.range.line == 1 })
            let timeline = try #require(result.timeline)
            let limit = BopLimits.range(of: .headRoll).upperBound
            let samples = Sampler.sample(timeline)
            #expect(samples.allSatisfy { abs($0.value(.headRoll)) <= limit + 1e-9 })
            #expect(samples.contains { abs($0.value(.headRoll) - limit) < 1e-6 })
            // What the robot plays: every frame accepted by the safety layer.
            let motion = try BopMotion(timeline: timeline)
            #expect(!motion.warnings.contains { $0.kind == .refused })
            #expect(abs(motion.move.duration - 1.0 / 2) < 0.03)
        }
    }

    @Test func theEmotionsWAVSoundIsInTheAudioTrack() throws {
        try Self.withEmotions { emotions in
            let timeline = try #require(Self.compile("wait 1\nplay emotion happy\n", emotions).timeline)
            #expect(BopAudioTrack.hasSound(timeline))
            let track = try BopAudioTrack(timeline: timeline, sampleRate: 16_000)
            // Silence for the first second, the tone during the emotion.
            #expect(track.samples[0..<15_000].allSatisfy { $0 == 0 })
            #expect(track.samples[16_500..<31_000].contains { abs(Int($0)) > 1000 })
            let mp3 = try #require(Self.compile("play emotion sad\n", emotions).timeline)
            #expect(!BopAudioTrack.hasSound(mp3))
            let silent = try BopAudioTrack(timeline: mp3, sampleRate: 16_000)
            #expect(silent.notes.contains { $0.contains("sad.mp3") && $0.contains("only WAV") })
        }
    }
}
