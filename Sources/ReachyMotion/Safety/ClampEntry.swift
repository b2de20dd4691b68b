/// One value the safety layer changed: which quantity, what was asked, what will be applied.
///
/// `quantity` is a motor name (`stewart_3`, `body_rotation`, `left_antenna`, …) for joint clamps, or
/// `head.roll`, `head.pitch`, `head.yaw`, `head.z`, `body_yaw` for pose clamps, and `head.pose` when joint-range
/// clamps pushed the head past a pose limit and the pose was scaled back toward neutral (requested 1, applied the
/// fraction kept). Angles in radians, z in meters.
public struct ClampEntry: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The clamped quantity.
    public var joint: String
    /// The requested value.
    public var requested: Double
    /// The value applied instead.
    public var applied: Double

    /// Creates an entry.
    public init(joint: String, requested: Double, applied: Double) {
        self.joint = joint
        self.requested = requested
        self.applied = applied
    }

    public var description: String { "\(joint): requested \(requested), applied \(applied)" }
}

/// A value that went through the safety layer, with the report of what was clamped (empty = untouched).
public struct Clamped<Value: Sendable>: Sendable {
    /// The safe value.
    public var value: Value
    /// What was changed, in the order the checks ran.
    public var clamps: [ClampEntry]

    /// Creates a result.
    public init(value: Value, clamps: [ClampEntry]) {
        self.value = value
        self.clamps = clamps
    }

    /// Whether nothing had to be changed.
    public var isUnchanged: Bool { clamps.isEmpty }
}

extension Clamped: Equatable where Value: Equatable {}
