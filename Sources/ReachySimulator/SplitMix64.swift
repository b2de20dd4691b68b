/// A tiny, fast, seedable pseudo-random generator (SplitMix64, Steele et al. 2014). The simulator uses it for
/// every fault decision so that a run with the same seed and the same traffic injects the same faults.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// True with probability `probability` (0 never draws, so fault-free runs consume nothing).
    public mutating func chance(_ probability: Double) -> Bool {
        guard probability > 0 else { return false }
        return nextUnit() < probability
    }
}
