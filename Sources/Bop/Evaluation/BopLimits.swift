/// The safe ranges and speeds Bop keeps every move within. Kid limits are tighter than the hardware
/// (reference: reachy_mini.md §3.6 — head roll/pitch ±40°, |head yaw − body yaw| ≤ 65°, body yaw ±160°,
/// antennas ±180°, head z −0.05…+0.02 m). This table is Bop's own copy of those numbers; when the branches are
/// merged it is meant to be derived from ReachyMotion's `SafetyLimits` so there is a single source of truth.
public enum BopLimits {
    /// The kid range of each axis (degrees, or meters for head x/y/z). Head yaw is relative to the body.
    public static func range(of axis: Axis) -> ClosedRange<Double> {
        switch axis {
        case .headRoll: -30...30  // hardware ±40°
        case .headPitch: -30...30  // hardware ±40°
        case .headYaw: -60...60  // relative to the body; hardware allows 65°
        case .headX: -0.03...0.03
        case .headY: -0.04...0.04
        case .headZ: -0.05...0.02  // recommended hardware range
        case .bodyYaw: -120...120  // hardware ±160°; ±120° keeps the absolute head yaw within ±180°
        case .antennaRight, .antennaLeft: -90...90  // hardware ±180°
        }
    }

    /// The fastest average speed of one segment, in degrees (or meters) per second.
    public static func maximumSpeed(of axis: Axis) -> Double {
        switch axis {
        case .headRoll, .headPitch, .headYaw: 250
        case .headX, .headY, .headZ: 0.25
        case .bodyYaw: 120
        case .antennaRight, .antennaLeft: 500
        }
    }

    /// The shortest move, in seconds (the robot rejects zero-length moves).
    public static let minimumDuration = Rational(1, 10)

    /// Slowest and fastest tempo, beats per minute.
    public static let tempoRange: ClosedRange<Double> = 40...200
    /// Slowest and fastest speed, percent.
    public static let speedRange: ClosedRange<Double> = 25...200
    /// The most times a `repeat` may run, and the most steps a program may take.
    public static let stepBudget = 200_000
    /// The deepest nesting of groups, brackets and moves using moves (keeps the interpreter's stack small).
    public static let nestingLimit = 32
}
