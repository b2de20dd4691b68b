public import ReachyMotion

/// The safe ranges and speeds Bop keeps every move within: the kid limits.
///
/// They are derived from ReachyMotion's ``SafetyLimits`` (the hardware limits every motor goal is finally held to,
/// reachy_mini.md §3.6) and are never wider: each kid range is the hardware range intersected with a smaller
/// kid-friendly one (head roll/pitch ±30° of the hardware ±40°, head yaw ±60° of 65° relative to the body, body
/// yaw ±120° of ±160°, antennas ±90° of ±180°). The final check of every sampled target still goes through
/// `SafeKinematics` (see `BopMotion`), so IK reachability and the motor ranges are enforced there.
public enum BopLimits {
    /// The hardware limits the kid limits are derived from.
    public static let hardware = SafetyLimits.reachyMini

    /// The kid range of each axis (degrees, or meters for head x/y/z). Head yaw is relative to the body.
    public static func range(of axis: Axis) -> ClosedRange<Double> { ranges[axis.order] }

    /// Kid ranges by axis order, computed once (the evaluator asks for them at every step).
    private static let ranges: [ClosedRange<Double>] = Axis.allCases.map(derivedRange)

    private static func derivedRange(of axis: Axis) -> ClosedRange<Double> {
        let hw = hardwareRange(of: axis)
        let kid = kidRange(of: axis)
        return max(hw.lowerBound, kid.lowerBound)...min(hw.upperBound, kid.upperBound)
    }

    /// The hardware range of an axis in the timeline's units, from ``hardware`` (x and y have no task-space
    /// limit there; they are bounded by reachability, which `SafeKinematics` checks).
    public static func hardwareRange(of axis: Axis) -> ClosedRange<Double> {
        func symmetric(_ radians: Double) -> ClosedRange<Double> {
            let d = radians * 180 / .pi
            return -d...d
        }
        switch axis {
        case .headRoll: return symmetric(hardware.maxHeadRoll)
        case .headPitch: return symmetric(hardware.maxHeadPitch)
        case .headYaw: return symmetric(hardware.maxRelativeYaw)
        case .headX, .headY: return -0.05...0.05
        case .headZ: return hardware.headZ
        case .bodyYaw: return symmetric(hardware.maxBodyYaw)
        case .antennaRight: return degrees(hardware.range(of: .rightAntenna))
        case .antennaLeft: return degrees(hardware.range(of: .leftAntenna))
        }
    }

    private static func degrees(_ r: ClosedRange<Double>) -> ClosedRange<Double> {
        (r.lowerBound * 180 / .pi)...(r.upperBound * 180 / .pi)
    }

    /// The kid-friendly wish before intersecting with the hardware.
    private static func kidRange(of axis: Axis) -> ClosedRange<Double> {
        switch axis {
        case .headRoll, .headPitch: -30...30
        case .headYaw: -60...60
        case .headX: -0.03...0.03
        case .headY: -0.04...0.04
        case .headZ: -0.05...0.02
        case .bodyYaw: -120...120  // keeps the absolute head yaw within ±180°
        case .antennaRight, .antennaLeft: -90...90
        }
    }

    /// The fastest average speed of one segment, in degrees (or meters) per second. Rotations stay well under
    /// the hardware joint speed cap (``SafetyLimits/maxJointSpeed``, 8 rad/s ≈ 458°/s) except the antennas,
    /// which are driven directly by one motor each and may use the cap.
    public static func maximumSpeed(of axis: Axis) -> Double { speeds[axis.order] }

    private static let speeds: [Double] = Axis.allCases.map(derivedSpeed)

    private static func derivedSpeed(of axis: Axis) -> Double {
        let cap = hardware.maxJointSpeed * 180 / .pi
        switch axis {
        case .headRoll, .headPitch, .headYaw: return min(250, cap)
        case .headX, .headY, .headZ: return 0.25
        case .bodyYaw: return min(120, cap)
        case .antennaRight, .antennaLeft: return min(500, cap)
        }
    }

    /// The shortest move, in seconds (the robot rejects zero-length moves).
    public static let minimumDuration = Rational(1, 10)

    /// The longest one move or wait may last, in seconds (ten minutes); a longer one is shortened with a warning.
    public static let longestDuration = Rational(600)

    /// Slowest and fastest tempo, beats per minute.
    public static let tempoRange: ClosedRange<Double> = 40...200
    /// Slowest and fastest speed, percent.
    public static let speedRange: ClosedRange<Double> = 25...200
    /// The most times a `repeat` may run, and the most steps a program may take.
    public static let stepBudget = 200_000
    /// The most segments a program's timeline may have (a nod is two, a wiggle of both antennas six per swing).
    /// Far more than a 10-minute dance needs; a program asking for more stops with an error before making them.
    public static let segmentLimit = 100_000
    /// The most CPU time a program may take to plan, on the compiling thread (checked as it runs, every few hundred
    /// steps; CPU time, so a busy machine does not change the answer).
    public static let timeBudget: Duration = .seconds(2)
    /// The deepest nesting of groups, brackets and moves using moves (keeps the interpreter's stack small).
    public static let nestingLimit = 32
}
