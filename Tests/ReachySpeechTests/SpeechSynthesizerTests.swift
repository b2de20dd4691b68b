import Testing

@testable import ReachySpeech

@Suite("espeak-ng synthesis")
struct SpeechSynthesizerTests {
    let synth = SpeechSynthesizer(mandarinMode: .voiceRuns)

    @Test("Chinese + English sentence: non-silent, plausible length, marks in order inside the audio")
    func mixedSentence() throws {
        var script = SpeechScript()
        script.append(mark: "s1")
        script.append(text: "阿里巴巴的Qwen模型今天发布了。")
        script.append(mark: "s2")
        script.append(text: "下载量突破五百万次！")
        script.append(mark: "end")
        let audio = try synth.synthesize(script, voice: .mandarinWithEnglish)

        #expect(audio.sampleRate == 22050)
        // 20 syllables at ≈270 characters per minute is ≈4–6 s; allow a wide but meaningful band.
        #expect(audio.duration > 2.0 && audio.duration < 15.0)
        #expect(audio.rms > 0.01)
        // Engine volume 75 leaves headroom: no sample reaches the rails (clipping).
        #expect(audio.samples.allSatisfy { $0 > Int16.min && $0 < Int16.max })

        let s1 = try #require(audio.mark("s1"))
        let s2 = try #require(audio.mark("s2"))
        let end = try #require(audio.mark("end"))
        #expect(s1.sample < s2.sample && s2.sample < end.sample)
        #expect(end.sample <= audio.samples.count)
        // The first sentence takes real time, and there is sound between the marks.
        #expect(audio.seconds(atSample: s2.sample - s1.sample) > 1.0)
        let firstSentence = SpeechAudio(
            samples: Array(audio.samples[s1.sample..<s2.sample]), sampleRate: audio.sampleRate)
        #expect(firstSentence.rms > 0.01)

        // espeak-ng 1.51 emits no SENTENCE events inside SSML voice runs; clause ends and marks carry the timing.
        let clauseEnds = audio.events.filter { $0.kind == .clauseEnd }
        #expect(clauseEnds.count >= 2)
        let words = audio.events.filter { $0.kind == .word }
        #expect(words.count >= 10)
        #expect(audio.events.allSatisfy { $0.sample >= 0 && $0.sample <= audio.samples.count })
    }

    /// The Mandarin voice says the language's name ("Japanese") for each kana it meets: far longer than the
    /// Japanese voice reading the sentence.
    @Test("A Japanese sentence is spoken by the Japanese voice, not named kana by kana")
    func japaneseSentence() throws {
        let text = "新しいモデルが発表されました。"
        let audio = try synth.synthesize(SpeechScript(text: text), voice: .mandarinWithEnglish)
        #expect(audio.rms > 0.01)
        // 14 morae at a newsreader's pace: a few seconds; read as "Japanese Japanese …" it lasts far longer.
        #expect(audio.duration > 1.0 && audio.duration < 6.0, "\(audio.duration) s")
    }

    @Test("Raw events from the engine already come in increasing audio order")
    func rawEventOrder() throws {
        var script = SpeechScript()
        for i in 0..<4 {
            script.append(mark: "m\(i)")
            script.append(text: "第\(["一", "二", "三", "四"][i])句话，来自Reachy Mini。")
        }
        let audio = try synth.synthesize(script, voice: .mandarinWithEnglish)
        let marks = (0..<4).compactMap { audio.mark("m\($0)")?.sample }
        #expect(marks.count == 4)
        #expect(marks == marks.sorted())
        #expect(Set(marks).count == 4)
    }

    @Test("Pauses become silence of the requested length")
    func pause() throws {
        let script = SpeechScript([.text("你好。"), .mark("a"), .pause(milliseconds: 800), .mark("b"), .text("再见。")])
        let audio = try synth.synthesize(script, voice: .mandarinWithEnglish)
        let a = try #require(audio.mark("a")).sample
        let b = try #require(audio.mark("b")).sample
        let gap = audio.seconds(atSample: b - a)
        #expect(gap > 0.6 && gap < 1.2)
    }

    @Test("Plain English path for Bop's say")
    func english() throws {
        let audio = try synth.say("Hello! I am Reachy, and I like to dance.")
        #expect(audio.duration > 1.0 && audio.duration < 8.0)
        #expect(audio.rms > 0.01)
        #expect(audio.events.contains { $0.kind == .word })
    }

    @Test("Normalised 16 kHz output peaks at −1 dBFS and never clips")
    func normalisedResampled() throws {
        let raw = try synth.synthesize(SpeechScript(text: "今天是星期日，Google发布了Gemini。"), voice: .mandarinWithEnglish)
        let out = raw.resampled(to: 16000).normalized(peakDBFS: -1)
        #expect(out.sampleRate == 16000)
        let expectedCount = Double(raw.samples.count) * 16000 / 22050
        #expect(abs(Double(out.samples.count) - expectedCount) <= 1)
        // −1 dBFS of 32767 is 29204.
        #expect(abs(out.peak - 29204) <= 1)
        #expect(!out.samples.contains(Int16.min) && !out.samples.contains(Int16.max))
    }

    @Test("Version of the linked library is parsed")
    func version() throws {
        let (string, version) = try SpeechSynthesizer.engineVersion()
        #expect(!string.isEmpty)
        let v = try #require(version)
        #expect(v >= EspeakVersion(major: 1, minor: 49))
    }
}
