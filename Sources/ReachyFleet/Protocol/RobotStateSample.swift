/// A robot's pose a few times a second on `robot/NAME/state` (QoS 0, not retained): enough to draw it live.
public struct RobotStateSample: Codable, Sendable, Equatable {
    /// Wall-clock seconds.
    public var time: Double
    /// The nine joint positions in motor order (body yaw, stewart 1–6, right and left antenna), radians; nil until
    /// the motors have answered.
    public var joints: [Double]?
    /// The head pose from forward kinematics: 16 numbers, the 4×4 matrix row-major (SDK frame, metres).
    public var head: [Double]?
    /// Whether a move is running.
    public var moving: Bool

    /// A sample.
    public init(time: Double, joints: [Double]?, head: [Double]? = nil, moving: Bool) {
        self.time = time
        self.joints = joints
        self.head = head
        self.moving = moving
    }
}
