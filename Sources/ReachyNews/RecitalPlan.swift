/// A complete recital: what to say, how it is spoken, the gestures and — once synthesized — all the times.
public struct RecitalPlan: Sendable, Codable, Equatable {
    /// Format version of the JSON (`reachy news plan --json`).
    public var formatVersion: Int
    /// The recital's day in the digest's own offset, `YYYY-MM-DD` (empty if no digest had a date).
    public var date: String
    /// The UTC offset the date is in (seconds east).
    public var utcOffsetSeconds: Int
    /// Digest files used.
    public var sources: [String]
    /// Intro, items, outro.
    public var segments: [RecitalSegment]
    /// Audio length in seconds, after synthesis.
    public var duration: Double?

    /// Only the item segments.
    public var items: [RecitalSegment] { segments.filter { $0.kind == .item } }

    /// Every sentence in order.
    public var sentences: [RecitalSentence] { segments.flatMap(\.sentences) }

    /// Every keyframe in order.
    public var gestures: [GestureKeyframe] { segments.flatMap(\.gestures) }

    /// How long the recital will take, estimated before synthesis: Chinese at 4.5 characters a second, Latin words at
    /// 2.5 a second, plus the pauses (within about 20 % of the synthesized length for the bundled voice).
    public var estimatedSeconds: Double {
        segments.reduce(0.0) { total, segment in
            total + segment.pauseAfter
                + segment.sentences.reduce(0.0) { sum, sentence in
                    var han = 0
                    var words = 0
                    var inWord = false
                    for ch in sentence.speech {
                        if LanguageScript.isHan(ch) { han += 1 }
                        let latin = ch.isASCII && (ch.isLetter || ch.isNumber)
                        if latin && !inWord { words += 1 }
                        inWord = latin
                    }
                    return sum + Double(han) / 4.5 + Double(words) / 2.5 + 0.3
                }
        }
    }
}
