/// A joint target Bop moves, in the units of the timeline: degrees for rotations, meters for head position.
/// `head.yaw` is measured relative to the body (where the head looks compared to where the body faces);
/// the 50 Hz samples also give the absolute head yaw (`body.yaw + head.yaw`).
public enum Axis: String, Sendable, CaseIterable, Comparable {
    case headRoll = "head.roll"
    case headPitch = "head.pitch"
    case headYaw = "head.yaw"
    case headX = "head.x"
    case headY = "head.y"
    case headZ = "head.z"
    case bodyYaw = "body.yaw"
    case antennaRight = "antenna.right"
    case antennaLeft = "antenna.left"

    /// The track this axis belongs to.
    public var track: Track {
        switch self {
        case .headRoll, .headPitch, .headYaw, .headX, .headY, .headZ: .head
        case .bodyYaw: .body
        case .antennaRight, .antennaLeft: .antennas
        }
    }

    /// Whether the axis is a position in meters (else an angle in degrees).
    public var isPosition: Bool { self == .headX || self == .headY || self == .headZ }

    /// Where the axis goes under `mirror`, and the sign its values take: left and right swap.
    var mirrored: (axis: Axis, sign: Double) {
        switch self {
        case .headYaw, .headRoll, .headY, .bodyYaw: (self, -1)
        case .antennaRight: (.antennaLeft, -1)
        case .antennaLeft: (.antennaRight, -1)
        case .headPitch, .headX, .headZ: (self, 1)
        }
    }

    /// Position in `allCases` (the lane order on the timeline).
    var order: Int {
        switch self {
        case .headRoll: 0
        case .headPitch: 1
        case .headYaw: 2
        case .headX: 3
        case .headY: 4
        case .headZ: 5
        case .bodyYaw: 6
        case .antennaRight: 7
        case .antennaLeft: 8
        }
    }

    public static func < (lhs: Axis, rhs: Axis) -> Bool { lhs.order < rhs.order }

    public static func == (lhs: Axis, rhs: Axis) -> Bool { lhs.order == rhs.order }

    /// Hashes the lane number, not the raw-value string (axes are dictionary keys in hot loops).
    public func hash(into hasher: inout Hasher) { hasher.combine(order) }
}

/// A lane of the timeline: a body part, the voice or the speaker.
public enum Track: String, Sendable, CaseIterable {
    case head, antennas, body, voice, sound
}

/// Something only one line of a `together` may use at a time.
enum Resource: Hashable, Sendable, Comparable {
    case axis(Axis)
    case voice
    case sound

    var track: Track {
        switch self {
        case .axis(let a): a.track
        case .voice: .voice
        case .sound: .sound
        }
    }

    var mirrored: Resource {
        if case .axis(let a) = self { return .axis(a.mirrored.axis) }
        return self
    }

    private var order: Int {
        switch self {
        case .axis(let a): a.order
        case .voice: 100
        case .sound: 101
        }
    }

    static func < (lhs: Resource, rhs: Resource) -> Bool { lhs.order < rhs.order }
}
