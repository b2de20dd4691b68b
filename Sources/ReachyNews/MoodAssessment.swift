/// A mood with its score and the keyword hits that produced it.
public struct MoodAssessment: Sendable, Codable, Equatable {
    /// One keyword (or pattern) found in the item.
    public struct Hit: Sendable, Codable, Equatable {
        /// The mood it counts for.
        public var mood: Mood
        /// The keyword or matched text.
        public var keyword: String
        /// Weighted count (headline hits count `headlineWeight` times).
        public var weight: Int
    }

    /// The chosen mood.
    public var mood: Mood
    /// Its score (0 for neutral).
    public var score: Int
    /// Score of every mood that had hits, by raw value.
    public var scores: [String: Int]
    /// The hits, in table order.
    public var hits: [Hit]

    /// "excited 4: 发布×2, 上线, 开源" — why this mood was chosen.
    public var explanation: String {
        guard mood != .neutral else {
            let best = scores.sorted { $0.value > $1.value }.first
            return best.map { "neutral (best was \($0.key) \($0.value), below the threshold)" }
                ?? "neutral (no keywords)"
        }
        let parts = hits.filter { $0.mood == mood }.map { $0.weight == 1 ? $0.keyword : "\($0.keyword)×\($0.weight)" }
        let others = scores.filter { $0.key != mood.rawValue }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key) \($0.value)" }
        return "\(mood.rawValue) \(score): " + parts.joined(separator: ", ")
            + (others.isEmpty ? "" : "; also " + others.joined(separator: ", "))
    }
}
