/// A tiny, fast, seedable random generator (SplitMix64), so that `random` and `pick` give the same
/// choices every time for the same seed, on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `low...high` (inclusive), without modulo bias.
    public mutating func integer(in low: Int64, _ high: Int64) -> Int64 {
        guard high > low else { return low }
        let span = UInt64(bitPattern: high &- low) &+ 1
        if span == 0 { return Int64(bitPattern: next()) }
        let limit = UInt64.max - UInt64.max % span
        var value = next()
        while value >= limit { value = next() }
        return low &+ Int64(bitPattern: value % span)
    }

    /// A number in `low...high` rounded to hundredths.
    public mutating func decimal(in low: Double, _ high: Double) -> Double {
        let u = Double(next() >> 11) / Double(UInt64(1) << 53)
        return ((low + (high - low) * u) * 100).rounded() / 100
    }
}
