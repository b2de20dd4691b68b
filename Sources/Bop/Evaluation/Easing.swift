/// How a segment moves from `from` to `to`: Reachy Mini's four interpolations (reachy_mini.md §4.3).
public enum Easing: String, Sendable, CaseIterable {
    case linear
    case minjerk
    case easeInOut = "ease_in_out"
    case cartoon

    /// Progress (0 at the start, 1 at the end) at fraction `s` of the segment. `cartoon` overshoots.
    public func progress(_ s: Double) -> Double {
        let s = min(max(s, 0), 1)
        switch self {
        case .linear:
            return s
        case .minjerk:
            return s * s * s * (10 - 15 * s + 6 * s * s)
        case .easeInOut:
            return s < 0.5 ? 2 * s * s : 1 - (-2 * s + 2) * (-2 * s + 2) / 2
        case .cartoon:
            let c1 = 1.70158
            let c2 = c1 * 1.525
            if s < 0.5 { return (2 * s) * (2 * s) * ((c2 + 1) * 2 * s - c2) / 2 }
            let u = 2 * s - 2
            return (u * u * ((c2 + 1) * u + c2) + 2) / 2
        }
    }

    /// The lowest and highest progress the curve reaches (below 0 and above 1 for `cartoon`).
    public var excursion: (low: Double, high: Double) {
        switch self {
        case .cartoon: Easing.cartoonExcursion
        default: (0, 1)
        }
    }

    private static let cartoonExcursion: (low: Double, high: Double) = {
        var low = 0.0
        var high = 1.0
        for i in 0...2000 {
            let p = Easing.cartoon.progress(Double(i) / 2000)
            low = min(low, p)
            high = max(high, p)
        }
        return (low - 1e-6, high + 1e-6)
    }()
}
