/// A robot's pose a few times a second on `robot/NAME/state` (QoS 0, not retained): enough to draw it live.
public struct RobotStateSample: Codable, Sendable, Equatable {
    /// Wall-clock seconds.
    public var time: Double
    /// The nine joint positions in motor order (body yaw, stewart 1–6, right and left antenna), radians; nil until
    /// the motors have answered.
    public var joints: [Double]?
    /// Whether a move is running.
    public var moving: Bool

    /// A sample.
    public init(time: Double, joints: [Double]?, moving: Bool) {
        self.time = time
        self.joints = joints
        self.moving = moving
    }
}
