/// Time-warping curves for moves (`time_trajectory` of the SDK): map progress s ∈ [0, 1] to α.
public enum InterpolationMethod: String, Sendable, CaseIterable, Codable {
    /// α = s.
    case linear
    /// Minimum jerk: α = 10s³ − 15s⁴ + 6s⁵ (zero velocity and acceleration at both ends). The SDK default.
    case minjerk
    /// Quadratic ease-in/ease-out: 2s² before the middle, 1 − (2 − 2s)²/2 after.
    case easeInOut = "ease_in_out"
    /// Back-ease ("cartoon"): overshoots slightly at both ends (c1 = 1.70158, c2 = 1.525·c1).
    case cartoon

    /// α for progress `s`; `s` is clamped to [0, 1] (NaN counts as 0).
    public func value(at s: Double) -> Double {
        let s = s.isNaN ? 0 : min(1, max(0, s))
        switch self {
        case .linear:
            return s
        case .minjerk:
            return 10 * s * s * s - 15 * s * s * s * s + 6 * s * s * s * s * s
        case .easeInOut:
            if s < 0.5 { return 2 * s * s }
            let u = -2 * s + 2
            return 1 - u * u / 2
        case .cartoon:
            let c1 = 1.70158
            let c2 = c1 * 1.525
            if s < 0.5 {
                let u = 2 * s
                return (u * u * ((c2 + 1) * 2 * s - c2)) / 2
            }
            let u = 2 * s - 2
            return (u * u * ((c2 + 1) * u + c2) + 2) / 2
        }
    }
}
