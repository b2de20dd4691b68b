import Foundation
import Testing

@testable import ReachySpeech

@Suite("Speech helpers")
struct SpeechUnitTests {
    @Test(
        "Han/Latin run splitting",
        arguments: [
            ("阿里巴巴Qwen-Image-Layered发布", [("h", "阿里巴巴"), ("l", "Qwen-Image-Layered"), ("h", "发布")]),
            ("Gemini 3 Flash据称", [("l", "Gemini 3 Flash"), ("h", "据称")]),
            ("与GPT 5.2，", [("h", "与"), ("l", "GPT 5.2"), ("h", "，")]),
            ("3个Agent", [("h", "3个"), ("l", "Agent")]),
            ("（LLM）年度", [("h", "（"), ("l", "LLM"), ("h", "）年度")]),
            ("Hello world", [("l", "Hello world")]),
            ("", []),
        ])
    func runs(input: String, expected: [(String, String)]) {
        let runs = LanguageRunSplitter.split(input)
        #expect(runs.map { $0.script == .han ? "h" : "l" } == expected.map(\.0))
        #expect(runs.map(\.text) == expected.map(\.1))
        #expect(runs.map(\.text).joined() == input)
    }

    @Test("SSML: voice per run, escaped text, marks and breaks")
    func ssml() {
        let script = SpeechScript([.mark("i1"), .text("A&B发布<新>"), .pause(milliseconds: 400)])
        let runs = SSMLBuilder.ssml(for: script, style: .voiceRuns)
        #expect(
            runs == "<speak><mark name=\"i1\"/><voice name=\"en-us\">A&amp;B</voice>"
                + "<voice name=\"cmn-latn-pinyin\">发布&lt;新&gt;</voice><break time=\"400ms\"/></speak>")
        let plain = SSMLBuilder.ssml(for: script, style: .plainCmn)
        #expect(plain == "<speak><mark name=\"i1\"/>A&amp;B发布&lt;新&gt;<break time=\"400ms\"/></speak>")
    }

    @Test("Kana go to the Japanese voice (kanji stay Mandarin: espeak-ng's Japanese reads kana only), in both styles")
    func japanese() {
        let script = SpeechScript([.text("OpenAIが新モデルを発表。"), .text("阿里发布新模型。")])
        let expected =
            "<speak><voice name=\"en-us\">OpenAI</voice><voice name=\"ja\">が</voice>"
            + "<voice name=\"cmn-latn-pinyin\">新</voice><voice name=\"ja\">モデルを</voice>"
            + "<voice name=\"cmn-latn-pinyin\">発表。</voice><voice name=\"cmn-latn-pinyin\">阿里发布新模型。</voice></speak>"
        #expect(SSMLBuilder.ssml(for: script, style: .voiceRuns) == expected)
        let plain = SSMLBuilder.ssml(for: script, style: .plainCmn)
        #expect(plain.hasPrefix("<speak><voice name=\"en-us\">OpenAI</voice><voice name=\"ja\">が</voice>"))
        #expect(plain.hasSuffix("阿里发布新模型。</speak>"))
    }

    @Test("Voice choice follows the engine version")
    func voiceChoice() {
        let auto = SpeechSynthesizer(mandarinMode: .automatic)
        let s = SpeechScript(text: "Qwen发布")
        #expect(
            auto.markup(for: s, voice: .mandarinWithEnglish, engineVersion: EspeakVersion(major: 1, minor: 51))
                .baseVoice == "cmn-latn-pinyin")
        #expect(
            auto.markup(for: s, voice: .mandarinWithEnglish, engineVersion: EspeakVersion(major: 1, minor: 52))
                .baseVoice == "cmn")
        #expect(
            auto.markup(for: s, voice: .english, engineVersion: EspeakVersion(major: 1, minor: 52)).baseVoice == "en-us"
        )
        #expect(auto.mandarinVoiceDescription(engineVersion: EspeakVersion(major: 1, minor: 52)) == "plain cmn voice")
        #expect(
            auto.mandarinVoiceDescription(engineVersion: EspeakVersion(major: 1, minor: 51))
                == "SSML voice runs (cmn-latn-pinyin for Chinese, en-us for English)")
        #expect(auto.mandarinVoiceDescription(engineVersion: nil).hasPrefix("SSML voice runs"))
    }

    @Test(
        "Version parsing",
        arguments: [
            ("1.51", EspeakVersion(major: 1, minor: 51)), ("1.52.0-dev", EspeakVersion(major: 1, minor: 52)),
            ("1.49.2", EspeakVersion(major: 1, minor: 49, patch: 2)),
        ])
    func versionParsing(text: String, expected: EspeakVersion) {
        #expect(EspeakVersion(parsing: text) == expected)
    }

    @Test("Unparseable versions are nil; 1.52 is the first working cmn")
    func versionEdge() {
        #expect(EspeakVersion(parsing: "abc") == nil)
        #expect(EspeakVersion(parsing: "1") == nil)
        #expect(!EspeakVersion(major: 1, minor: 51, patch: 9).hasWorkingMandarinVoice)
        #expect(EspeakVersion(major: 1, minor: 52).hasWorkingMandarinVoice)
        #expect(EspeakVersion(major: 2, minor: 0).hasWorkingMandarinVoice)
    }

    @Test("Resampling keeps duration and rescales event positions")
    func resample() {
        let samples = (0..<22050).map { Int16(10000 * sin(Double($0) * 2 * Double.pi * 440 / 22050)) }
        let audio = SpeechAudio(
            samples: samples, sampleRate: 22050, events: [SpeechEvent(kind: .mark("half"), sample: 11025)])
        let out = audio.resampled(to: 16000)
        #expect(out.samples.count == 16000)
        #expect(out.mark("half")?.sample == 8000)
        // A 440 Hz sine at 16 kHz: sample 10 is sin(2π·440·10/16000)·10000 ≈ 9980, within interpolation error.
        #expect(abs(Int(out.samples[10]) - 9980) < 150)
    }

    @Test("Normalising silence changes nothing; a quiet signal is raised to the target")
    func normalise() {
        let silent = SpeechAudio(samples: [0, 0, 0], sampleRate: 16000)
        #expect(silent.normalized().samples == [0, 0, 0])
        let quiet = SpeechAudio(samples: [100, -200, 50], sampleRate: 16000)
        let out = quiet.normalized(peakDBFS: -6)
        // −6 dBFS of 32767 = 16422; gain 82.11: 100 → 8211, −200 → −16422, 50 → 4106.
        #expect(out.samples == [8211, -16422, 4106])
    }
}
