import Foundation

/// How a pose is approached.
public enum GestureEasing: String, Sendable, Codable, CaseIterable {
    /// Constant speed.
    case linear
    /// Minimum-jerk (smooth start and stop).
    case minjerk
    /// Cubic ease in and out.
    case easeInOut = "ease_in_out"
    /// Overshooting, lively.
    case cartoon
}
