/// Joint targets as a function of time: what the control loop follows. Moves in pose space (gotos, dances,
/// recordings) become joint trajectories through inverse kinematics.
public protocol JointTrajectory: Sendable {
    /// Length in seconds; after it the last target is held.
    var duration: Double { get }
    /// Targets for every joint (radians, canonical order) at `t` seconds from the start.
    func joints(at t: Double) -> [Double]
}

/// A trajectory that holds one target forever.
public struct HoldTrajectory: JointTrajectory {
    public var target: [Double]
    public init(_ target: [Double]) { self.target = target }
    public var duration: Double { 0 }
    public func joints(at t: Double) -> [Double] { target }
}
