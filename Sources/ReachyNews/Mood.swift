/// The feeling of a news item, chosen from keyword tables; it picks the gesture played with the headline.
public enum Mood: String, Sendable, Codable, CaseIterable {
    /// Sad or serious news (deaths, injuries, lawsuits, fines, layoffs, crashes): a slow, low nod, antennas
    /// lowered and still — never a playful gesture.
    case sombre
    /// A launch or release: antennas flick, quick double nod.
    case excited
    /// Risks, warnings, decline: head slightly down, antennas back.
    case caution
    /// Analysis, reviews, opinions: head tilt, slow nod.
    case thoughtful
    /// Robots (including Reachy itself): look at the listener, antennas wiggle.
    case robot
    /// Big numbers and records: a "wow" antenna pop.
    case milestone
    /// Nothing stood out: a small nod.
    case neutral
}
