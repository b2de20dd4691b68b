import ReachyMotion

/// How a segment moves from `from` to `to`: Reachy Mini's four interpolations (reachy_mini.md §4.3). The curves
/// themselves are ReachyMotion's ``InterpolationMethod`` (one implementation for the whole project); this enum
/// is Bop's name for them on the timeline.
public enum Easing: String, Sendable, CaseIterable {
    case linear
    case minjerk
    case easeInOut = "ease_in_out"
    case cartoon

    /// The robot's interpolation with the same name.
    public var method: InterpolationMethod {
        switch self {
        case .linear: .linear
        case .minjerk: .minjerk
        case .easeInOut: .easeInOut
        case .cartoon: .cartoon
        }
    }

    /// Progress (0 at the start, 1 at the end) at fraction `s` of the segment. `cartoon` overshoots.
    public func progress(_ s: Double) -> Double { method.value(at: s) }

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
