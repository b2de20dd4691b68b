import Foundation

/// Safe ranges for every pose the news anchor plans (degrees); well inside the robot's own limits.
public enum GestureLimits {
    /// Head roll, pitch and yaw: ±15°.
    public static let head = 15.0
    /// Audio-driven sway offsets: ±3°, so a planned pose of at most 12° plus sway stays within ±15°.
    public static let sway = 3.0
    /// Antennas: ±60°.
    public static let antenna = 60.0
    /// Durations are kept within 0.05…5 s.
    public static let duration: ClosedRange<Double> = 0.05...5.0

    static func clamp(_ v: Double, _ limit: Double) -> Double { v.isFinite ? max(-limit, min(limit, v)) : 0 }
}
