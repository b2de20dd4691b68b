import Foundation
public import ReachyMotion

/// The 3-D points of the robot for one ``RobotFrame``, computed from the kinematics (world frame, meters).
///
/// Each leg is the motor hub, the arm tip `Rz(body)·worldFromMotor·(rs·cosθ, rs·sinθ, 0)` and the rod's end on
/// the platform `P·anchor`, with `P` the head pose raised by the geometry's head z offset.
public struct RobotSkeleton: Sendable, Equatable {
    /// One leg of the Stewart platform.
    public struct Leg: Sendable, Equatable {
        /// Motor hub (arm pivot).
        public var hub: Vector3
        /// Arm tip (where the rod starts).
        public var armTip: Vector3
        /// Rod end on the head platform.
        public var rodEnd: Vector3
    }

    /// The six legs, s1…s6.
    public var legs: [Leg]
    /// The body frame (rotation about z by the body yaw).
    public var body: HeadPose
    /// The head platform frame in the world.
    public var platform: HeadPose
    /// Antenna roots: right, left.
    public var antennaRoots: [Vector3]
    /// Antenna tips: right, left.
    public var antennaTips: [Vector3]
    /// Eye centres: right, left.
    public var eyes: [Vector3]
    /// The head surface's outward normal at each eye (unit): right, left.
    public var eyeNormals: [Vector3]

    /// Computes the points of `frame` with a geometry and a figure.
    public init(
        _ frame: RobotFrame, geometry: StewartGeometry = .reachyMini, figure: RobotFigure = .reachyMini
    ) {
        let body = HeadPose(rotation: .rotationZ(frame.joints.body), translation: .zero)
        var platform = frame.head
        platform.translation.z += geometry.headZOffset
        let rs = geometry.motorArmLength
        legs = geometry.branches.enumerated().map { i, branch in
            let angle = frame.joints.stewart(i)
            let hub = body * branch.worldFromMotor.translation
            let tip = body * (branch.worldFromMotor * Vector3(rs * cos(angle), rs * sin(angle), 0))
            return Leg(hub: hub, armTip: tip, rodEnd: platform * branch.anchor)
        }
        self.body = body
        self.platform = platform
        let angles = [frame.antennas.right, frame.antennas.left]
        antennaRoots = figure.antennaRoots.map { platform * $0 }
        antennaTips = zip(figure.antennaRoots, angles).map { root, a in
            platform * (root + Vector3(0, -sin(a), cos(a)) * figure.antennaLength)
        }
        eyes = figure.eyes.map { platform * $0 }
        eyeNormals = figure.eyeNormals.map { platform.rotation * $0 }
    }

    /// The world pose of a shape's attachment frame.
    public func pose(of attachment: FigureShape.Attachment) -> HeadPose {
        switch attachment {
        case .world: .identity
        case .body: body
        case .head: platform
        }
    }
}
