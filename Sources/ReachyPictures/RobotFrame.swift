public import ReachyMotion

/// What the robot drawing needs for one instant: the head pose, the seven head joints and the two antennas.
///
/// These are the shapes the official daemon's `/ws/sdk` messages carry (`head_pose`, `head_joint_positions`,
/// `antennas_joint_positions`). The arms are drawn from the motor angles and the rods end at the platform drawn
/// from the head pose, so a frame whose pose and joints disagree shows rods of the wrong length.
public struct RobotFrame: Sendable, Equatable {
    /// Head pose in the SDK frame (neutral head = identity).
    public var head: HeadPose
    /// Body yaw and Stewart motor angles (radians).
    public var joints: HeadJoints
    /// Antenna angles (radians).
    public var antennas: Antennas

    /// Creates a frame.
    public init(head: HeadPose, joints: HeadJoints, antennas: Antennas) {
        self.head = head
        self.joints = joints
        self.antennas = antennas
    }

    /// The neutral robot (head at the origin, every joint at zero).
    public static let neutral = RobotFrame(
        head: .identity,
        joints: ReachyKinematics.reachyMini.stewartAngles(head: .identity, bodyYaw: 0),
        antennas: .zero)
}
