import ReachyMotion

extension InterpolationMethod {
    /// The lowest and highest progress the curve reaches (below 0 and above 1 for `cartoon`), so Bop can check
    /// that an overshooting move stays within the kid limits.
    var excursion: (low: Double, high: Double) {
        switch self {
        case .cartoon: Self.cartoonExcursion
        default: (0, 1)
        }
    }

    private static let cartoonExcursion: (low: Double, high: Double) = {
        var low = 0.0
        var high = 1.0
        for i in 0...2000 {
            let p = InterpolationMethod.cartoon.value(at: Double(i) / 2000)
            low = min(low, p)
            high = max(high, p)
        }
        return (low - 1e-6, high + 1e-6)
    }()
}
