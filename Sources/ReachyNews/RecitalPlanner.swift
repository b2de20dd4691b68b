import Foundation

/// Builds a `RecitalPlan` from digests: merge and de-duplicate, intro with the date, items (ordinal, headline,
/// paragraph sentences) with mood and gestures, sign-off.
public struct RecitalPlanner: Sendable {
    /// Text normalisation.
    public var normalizer: SpeechNormalizer
    /// Mood tables.
    public var classifier: MoodClassifier
    /// Gesture vocabulary.
    public var library: GestureLibrary

    /// A planner from its parts.
    public init(normalizer: SpeechNormalizer, classifier: MoodClassifier, library: GestureLibrary) {
        self.normalizer = normalizer
        self.classifier = classifier
        self.library = library
    }

    /// A planner with the bundled tables.
    public static func bundled() throws(NewsDataError) -> RecitalPlanner {
        RecitalPlanner(normalizer: try .bundled(), classifier: try .bundled(), library: try .bundled())
    }

    /// The plan for these digests.
    public func plan(_ digests: [Digest], options: RecitalOptions = RecitalOptions()) -> RecitalPlan {
        guard let budget = options.budget else { return planWhole(digests, options: options) }
        // The fullest reading that fits the budget (estimated before synthesis).
        let modes = RecitalOptions.Length.allCases.drop { $0 != options.length }
        var last: RecitalPlan?
        for mode in modes {
            var shorter = options
            shorter.length = mode
            shorter.budget = nil
            let plan = planWhole(digests, options: shorter)
            if plan.estimatedSeconds <= budget { return plan }
            last = plan
        }
        return last ?? planWhole(digests, options: options)
    }

    private func planWhole(_ digests: [Digest], options: RecitalOptions) -> RecitalPlan {
        var selected = digests
        if let wanted = options.categories, !wanted.isEmpty {
            selected = digests.filter { !Set($0.metadata?.categories ?? []).isDisjoint(with: wanted) }
        }
        var merged = DigestMerger.merge(selected)
        if let cap = options.maxItems { merged = Array(merged.prefix(max(0, cap))) }
        let newest = selected.compactMap(\.metadata).max { $0.date < $1.date }

        let texts = merged.map { $0.item.headline + " " + $0.item.body }
        let english = Self.isEnglish(texts)
        let japanese = !english && Self.isJapanese(texts)
        var segments: [RecitalSegment] = [
            japanese ? japaneseIntro(newest, count: merged.count) : intro(newest, count: merged.count, english: english)
        ]
        for (index, entry) in merged.enumerated() {
            segments.append(
                item(
                    entry, position: index + 1, isLast: index == merged.count - 1, options: options, english: english,
                    japanese: japanese))
        }
        segments.append(outro(english: english, japanese: japanese))
        for i in segments.indices { segments[i].gestures = gestures(for: segments[i], options: options) }

        var date = ""
        if let m = newest, let y = m.localDay.year, let mo = m.localDay.month, let d = m.localDay.day {
            date = String(format: "%04d-%02d-%02d", y, mo, d)
        }
        return RecitalPlan(
            formatVersion: 1, date: date,
            utcOffsetSeconds: newest?.utcOffsetSeconds ?? DigestDateParser.defaultOffsetSeconds,
            sources: selected.map(\.source), segments: segments, duration: nil)
    }

    // MARK: - Segments

    /// A long sentence without a full stop, cut at its commas into clauses of at least 15 characters, so the
    /// gestures that follow sentence starts have somewhere to go (the voice reads the pieces without a gap).
    static func clauses(_ sentence: String) -> [String] {
        guard sentence.count > 60 else { return [sentence] }
        var pieces: [String] = []
        var current = ""
        for ch in sentence {
            current.append(ch)
            if ch == "，" || ch == ",", current.count >= 15 {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty {
            if current.count < 15, let last = pieces.popLast() {
                pieces.append(last + current)
            } else {
                pieces.append(current)
            }
        }
        return pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func sentence(_ mark: String, _ role: RecitalSentence.Role, _ text: String) -> RecitalSentence {
        RecitalSentence(mark: mark, role: role, text: text, speech: normalizer.normalize(text))
    }

    /// Whether the digest is written in English (Latin letters outnumber Chinese characters three to one): its
    /// intro, ordinals and outro are then English, and its numbers stay for the English voice.
    static func isEnglish(_ texts: [String]) -> Bool {
        var han = 0
        var latin = 0
        for text in texts {
            for ch in text {
                if LanguageScript.isHan(ch) { han += 1 } else if ch.isASCII, ch.isLetter { latin += 1 }
            }
        }
        return latin > 3 * han && latin > 0
    }

    /// Whether the digest is Japanese: kana make up at least a fifth of its CJK characters.
    static func isJapanese(_ texts: [String]) -> Bool {
        var kana = 0
        var cjk = 0
        for text in texts {
            for u in text.unicodeScalars {
                let v = u.value
                if (0x3040...0x30FF).contains(v) {
                    kana += 1
                    cjk += 1
                } else if (0x4E00...0x9FFF).contains(v) {
                    cjk += 1
                }
            }
        }
        return kana >= 5 && kana * 5 >= cjk
    }

    /// The intro in Japanese, in kana and digits (espeak-ng's Japanese voice reads those, not kanji).
    private func japaneseIntro(_ metadata: DigestMetadata?, count: Int) -> RecitalSegment {
        var first = "みなさん、こんにちは。"
        if let m = metadata, let mo = m.localDay.month, let d = m.localDay.day {
            first = "みなさん、こんにちは。きょうは\(mo)がつ\(d)にちです。"
        }
        let second = count == 0 ? "きょうは あたらしい ニュースは ありません。" : "エーアイ ニュースを \(count)けん おつたえします。"
        return RecitalSegment(
            kind: .intro, id: "intro",
            sentences: [sentence("intro.s1", .intro, first), sentence("intro.s2", .intro, second)],
            gestures: [], pauseAfter: 0.6)
    }

    private func intro(_ metadata: DigestMetadata?, count: Int, english: Bool) -> RecitalSegment {
        var first = english ? "Hello." : "各位好。"
        if let m = metadata, let y = m.localDay.year, let mo = m.localDay.month, let d = m.localDay.day,
            let wd = m.localDay.weekday
        {
            if english {
                let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
                let months = [
                    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                    "November", "December",
                ]
                first = "Hello, today is \(weekdays[(wd - 1) % 7]), \(months[(mo - 1) % 12]) \(d), \(y)."
            } else {
                let weekdays = ["日", "一", "二", "三", "四", "五", "六"]
                first = "各位好，今天是\(y)年\(mo)月\(d)日，星期\(weekdays[(wd - 1) % 7])。"
            }
        }
        let second =
            english
            ? (count == 0
                ? "There is no new AI news today."
                : "Here is the latest AI news: \(count) item\(count == 1 ? "" : "s").")
            : (count == 0 ? "今天没有新的AI快讯。" : "下面是过去一段时间的AI快讯，共\(count)条。")
        return RecitalSegment(
            kind: .intro, id: "intro",
            sentences: [sentence("intro.s1", .intro, first), sentence("intro.s2", .intro, second)],
            gestures: [], pauseAfter: 0.6)
    }

    private func outro(english: Bool, japanese: Bool = false) -> RecitalSegment {
        let text =
            japanese
            ? "いじょうです。ありがとうございました。また あした。"
            : english
                ? "That's all the AI news for today. Thank you for listening, see you tomorrow."
                : "以上就是今天的AI快讯，感谢收听，我们明天再见。"
        return RecitalSegment(
            kind: .outro, id: "outro",
            sentences: [sentence("outro.s1", .outro, text)],
            // The bow happens in the silence after the last word; the audio lasts until it is over.
            gestures: [], pauseAfter: max(0.3, library.poses("bow").reduce(0) { $0 + $1.duration } + 0.2))
    }

    private func item(
        _ entry: MergedItem, position: Int, isLast: Bool, options: RecitalOptions, english: Bool,
        japanese: Bool = false
    ) -> RecitalSegment {
        let id = "i\(position)"
        let ordinal = ChineseNumerals.integer(String(position))
        let ordinalText =
            japanese
            ? (isLast && position > 1 ? "さいごに、\(position)ばんめ。" : "\(position)ばんめ。")
            : english
                ? (isLast && position > 1 ? "And finally, number \(position)." : "Number \(position).")
                : (isLast && position > 1 ? "最后一条，第\(ordinal)条。" : "第\(ordinal)条。")
        var headline = InlineMarkdown.speakableText(entry.item.headline)
        if let last = headline.last, !SentenceSplitter.terminators.contains(last), last != "." {
            headline += english ? "." : "。"
        }
        var sentences = [sentence("\(id).n", .ordinal, ordinalText), sentence("\(id).h", .headline, headline)]
        var body = SentenceSplitter.split(InlineMarkdown.speakableText(entry.item.body))
        switch options.length {
        case .full: break
        case .firstSentence: body = Array(body.prefix(1))
        case .headlines: body = []
        }
        for (k, s) in body.flatMap(Self.clauses).enumerated() {
            sentences.append(sentence("\(id).s\(k + 1)", .body, s))
        }
        sentences = sentences.filter { !$0.speech.isEmpty }
        let mood = classifier.classify(
            headline: entry.item.headline, body: entry.item.body, categories: entry.categories)
        return RecitalSegment(
            kind: .item, id: id, number: position, headline: InlineMarkdown.plainText(entry.item.headline),
            url: entry.item.url, source: entry.source, mood: mood, sentences: sentences, gestures: [],
            pauseAfter: options.pauseBetweenItems)
    }

    // MARK: - Gestures

    /// Keyframes of a segment, anchored to its sentence marks.
    func gestures(for segment: RecitalSegment, options: RecitalOptions) -> [GestureKeyframe] {
        var out: [GestureKeyframe] = []
        func add(_ name: String, at anchor: String, lead: Double = options.gestureLead) {
            var offset = -lead
            for pose in library.poses(name) {
                out.append(GestureKeyframe(gesture: name, anchor: anchor, offset: offset, pose: pose))
                offset += pose.duration
            }
        }
        switch segment.kind {
        case .intro:
            if let first = segment.sentences.first { add("attentive", at: first.mark) }
        case .outro:
            if let first = segment.sentences.first { add("center", at: first.mark) }
            add("bow", at: segment.endMark, lead: 0)
        case .item:
            // Consecutive items never move alike: odd items are presented to the robot's left and sway right
            // first, even items the other way round.
            let odd = (segment.number ?? 0) % 2 == 1
            if let n = segment.sentences.first(where: { $0.role == .ordinal }) {
                add(odd ? "present_item" : "present_item_right", at: n.mark)
            }
            let mood = segment.mood?.mood ?? .neutral
            if let h = segment.sentences.first(where: { $0.role == .headline }) { add(mood.rawValue, at: h.mark) }
            // Gentle speech-synced motion: sway at sentence starts (alternating), a nod on every second sentence
            // (it holds the sway); the first body sentence is left to the mood gesture, which is still playing.
            // Sombre news gets no sway, only the slow nods.
            let body = segment.sentences.filter { $0.role == .body }
            for (k, s) in body.enumerated() where k > 0 {
                if mood != .sombre { add((k % 2 == 0) == odd ? "sway_left" : "sway_right", at: s.mark) }
                if k % 2 == 1 { add("nod", at: s.mark, lead: options.gestureLead + 0.1) }
            }
            if mood == .milestone || mood == .excited {
                for s in body where s.text.contains(#/\d+(?:\.\d+)?\s*(?:万|亿|倍|%|％)/#) {
                    // On the number itself when the speech marks it, else at the sentence's start.
                    add("number_pop", at: s.numberSplit == nil ? s.mark : s.numberMark, lead: 0)
                }
            }
            add("look_audience", at: segment.endMark, lead: 0)
        }
        return out
    }
}
