public import ReachySpeech

extension RecitalSegment {
    /// The speech script of this segment: a mark before each sentence, the end mark, then the pause.
    public var script: SpeechScript {
        var script = SpeechScript()
        for s in sentences {
            script.append(mark: s.mark)
            if let (before, number) = s.numberSplit {
                // A mark where the first big number is said: the number gesture plays on the word itself.
                script.append(text: before)
                script.append(mark: s.numberMark)
                script.append(text: number)
            } else {
                script.append(text: s.speech)
            }
        }
        script.append(mark: endMark)
        if pauseAfter > 0 { script.append(pauseMilliseconds: Int((pauseAfter * 1000).rounded())) }
        return script
    }
}

extension RecitalPlan {
    /// The whole recital as one script.
    public var script: SpeechScript {
        SpeechScript(segments.flatMap(\.script.segments))
    }

    /// The plan with sentence and gesture times taken from the marks in `audio` (which must come from this plan's
    /// script, possibly resampled). A sentence ends where the next mark starts; gestures start at their anchor's
    /// time plus their offset (never before 0).
    public func timed(by audio: SpeechAudio) -> RecitalPlan {
        var marks: [String: Double] = [:]
        var ordered: [(String, Double)] = []
        for e in audio.events {
            if let name = e.markName, marks[name] == nil {
                let t = audio.seconds(atSample: e.sample)
                marks[name] = t
                ordered.append((name, t))
            }
        }
        var plan = self
        for i in plan.segments.indices {
            let endTime = marks[plan.segments[i].endMark]
            let count = plan.segments[i].sentences.count
            for k in 0..<count {
                let s = plan.segments[i].sentences[k]
                plan.segments[i].sentences[k].start = marks[s.mark]
                let next = k + 1 < count ? marks[plan.segments[i].sentences[k + 1].mark] : endTime
                plan.segments[i].sentences[k].end = next ?? endTime
            }
            for g in plan.segments[i].gestures.indices {
                let anchor = plan.segments[i].gestures[g].anchor
                plan.segments[i].gestures[g].time = marks[anchor].map {
                    max(0, $0 + plan.segments[i].gestures[g].offset)
                }
            }
        }
        plan.duration = audio.duration
        return plan
    }
}

extension RecitalSentence {
    /// The mark placed where the sentence's first big number (百分之…, …万, …亿, …倍) begins.
    public var numberMark: String { mark + ".n" }

    /// The speech split where its first big number begins (nil when it has none or starts with it).
    var numberSplit: (String, String)? {
        guard
            let match = speech.firstMatch(
                of: #/百分之|[〇零一二两三四五六七八九十百千]+(?:点[〇零一二三四五六七八九]+)?[万亿倍]/#)
        else { return nil }
        let before = String(speech[..<match.range.lowerBound])
        guard !before.isEmpty else { return nil }
        return (before, String(speech[match.range.lowerBound...]))
    }
}
