public import Foundation

/// Picks an item's mood by counting keywords from a data table (`Data/moods.json`); no model, no segmentation.
public struct MoodClassifier: Sendable {
    /// The table format.
    public struct Table: Sendable, Codable, Equatable {
        /// Keywords of one mood.
        public struct Entry: Sendable, Codable, Equatable {
            /// The mood.
            public var mood: Mood
            /// Chinese keywords (substring match) and English ones (whole word, any case).
            public var keywords: [String]
            /// Regular expressions counted like keywords.
            public var patterns: [String]?
            /// Each hit counts this many times (default 1): serious news outweighs launch words.
            public var weight: Int?
            /// Moods that, when they score at all, cancel this one (no proud or playful gesture on sad news).
            public var suppressedBy: [Mood]?
        }

        /// A front-matter category that adds to a mood when that mood already has a hit.
        public struct Prior: Sendable, Codable, Equatable {
            /// The category, e.g. "机器人".
            public var category: String
            /// The mood it favours.
            public var mood: Mood
            /// Points added.
            public var bonus: Int
        }

        /// How many times a headline hit counts.
        public var headlineWeight: Int
        /// Below this, the item is neutral.
        public var minimumScore: Int
        /// Characters before a keyword searched for a negation.
        public var negationWindow: Int
        /// Negation words.
        public var negations: [String]
        /// Prohibitions that contain a negation word but do not negate (`不要炒作` is a warning against hype).
        public var negationExceptions: [String]?
        /// Moods in tie-break order.
        public var moods: [Entry]
        /// Category priors.
        public var categoryPriors: [Prior]?
    }

    /// The table in use.
    public let table: Table
    private let compiled: [(Mood, [String], [String])]
    private let weights: [Mood: Int]
    private let suppressors: [Mood: [Mood]]

    /// A classifier over a table.
    public init(table: Table) {
        self.table = table
        self.compiled = table.moods.map { ($0.mood, $0.keywords, $0.patterns ?? []) }
        self.weights = Dictionary(
            table.moods.map { ($0.mood, max(1, $0.weight ?? 1)) }, uniquingKeysWith: { a, _ in a })
        self.suppressors = Dictionary(
            table.moods.map { ($0.mood, $0.suppressedBy ?? []) }, uniquingKeysWith: { a, _ in a })
    }

    /// The classifier with the bundled table.
    public static func bundled() throws(NewsDataError) -> MoodClassifier {
        MoodClassifier(table: try NewsData.decode(Table.self, from: NewsData.url(for: "moods.json")))
    }

    /// Reads a table file.
    public init(contentsOf url: URL) throws(NewsDataError) {
        self.init(table: try NewsData.decode(Table.self, from: url))
    }

    /// The mood of an item from its headline and body (Markdown is ignored).
    public func classify(headline: String, body: String, categories: [String] = []) -> MoodAssessment {
        let h = InlineMarkdown.speakableText(headline)
        let b = InlineMarkdown.speakableText(body)
        let hay = (headline: Haystack(h), body: Haystack(b))
        var hits: [MoodAssessment.Hit] = []
        var scores: [Mood: Int] = [:]
        for (mood, keywords, patterns) in compiled {
            let factor = weights[mood] ?? 1
            for keyword in keywords where !keyword.isEmpty {
                let weight =
                    (count(keyword, in: hay.headline) * table.headlineWeight + count(keyword, in: hay.body)) * factor
                if weight > 0 {
                    hits.append(.init(mood: mood, keyword: keyword, weight: weight))
                    scores[mood, default: 0] += weight
                }
            }
            for pattern in patterns {
                guard let regex = try? Regex(pattern) else { continue }
                for (text, w) in [(h, table.headlineWeight * factor), (b, factor)] {
                    for match in text.matches(of: regex) {
                        hits.append(.init(mood: mood, keyword: String(text[match.range]), weight: w))
                        scores[mood, default: 0] += w
                    }
                }
            }
        }
        for prior in table.categoryPriors ?? []
        where categories.contains(prior.category) && (scores[prior.mood] ?? 0) > 0 {
            hits.append(.init(mood: prior.mood, keyword: "category \(prior.category)", weight: prior.bonus))
            scores[prior.mood, default: 0] += prior.bonus
        }
        var best: (Mood, Int)? = nil
        for (mood, _, _) in compiled {
            if (suppressors[mood] ?? []).contains(where: { (scores[$0] ?? 0) > 0 }) { continue }
            let s = scores[mood] ?? 0
            if s >= table.minimumScore, s > (best?.1 ?? 0) { best = (mood, s) }
        }
        let rawScores = Dictionary(uniqueKeysWithValues: scores.map { ($0.key.rawValue, $0.value) })
        return MoodAssessment(mood: best?.0 ?? .neutral, score: best?.1 ?? 0, scores: rawScores, hits: hits)
    }

    /// A text prepared once for many keyword searches.
    struct Haystack {
        let original: [Character]
        let lower: [Character]
        init(_ text: String) {
            original = Array(text)
            lower = Array(text.lowercased())
        }
    }

    /// Non-negated occurrences of a keyword.
    func count(_ keyword: String, in text: String) -> Int { count(keyword, in: Haystack(text)) }

    /// Non-negated occurrences of a keyword (ASCII keywords: whole words, any case; others: substrings).
    func count(_ keyword: String, in text: Haystack) -> Int {
        let ascii = keyword.allSatisfy(\.isASCII)
        let hay = ascii ? text.lower : text.original
        let needle = Array(ascii ? keyword.lowercased() : keyword)
        guard let first = needle.first, hay.count >= needle.count else { return 0 }
        var n = 0
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == first, hay[i..<(i + needle.count)].elementsEqual(needle) {
                let beforeOK = !ascii || i == 0 || !(hay[i - 1].isASCII && (hay[i - 1].isLetter || hay[i - 1].isNumber))
                let end = i + needle.count
                let afterOK =
                    !ascii || end == hay.count || !(hay[end].isASCII && (hay[end].isLetter || hay[end].isNumber))
                if beforeOK && afterOK && !negated(hay, before: i) { n += 1 }
                i += needle.count
            } else {
                i += 1
            }
        }
        return n
    }

    private func negated(_ hay: [Character], before index: Int) -> Bool {
        var window = String(hay[max(0, index - table.negationWindow)..<index]).lowercased()
        for exception in table.negationExceptions ?? [] where !exception.isEmpty {
            window = window.replacingOccurrences(of: exception.lowercased(), with: " ")
        }
        return table.negations.contains { !$0.isEmpty && window.contains($0.lowercased()) }
    }
}
