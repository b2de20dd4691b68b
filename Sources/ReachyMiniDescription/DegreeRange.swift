/// A joint range in degrees.
public struct DegreeRange: Codable, Hashable, Sendable {
    /// The lowest angle, degrees.
    public var min: Double
    /// The highest angle, degrees.
    public var max: Double
}
