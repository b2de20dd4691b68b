/// A raw position range in pulses (4096 per turn, 2048 = centre).
public struct RawPositionRange: Codable, Hashable, Sendable {
    /// The lowest position, pulses.
    public var min: Int32
    /// The highest position, pulses.
    public var max: Int32

    /// The same range as a Swift range (`min…max`; callers check `min ≤ max` with `validate()` first).
    public var closedRange: ClosedRange<Int> { Int(min)...Swift.max(Int(min), Int(max)) }
}
