import Dynamixel

/// The seven head joints in radians, SDK order `[body_yaw, s1…s6]`.
public struct HeadJoints: Sendable, Equatable, Hashable {
    /// Body rotation (yaw of the whole robot about its base), radians.
    public var body: Double
    /// Stewart motor 1 angle, radians.
    public var s1: Double
    /// Stewart motor 2 angle, radians.
    public var s2: Double
    /// Stewart motor 3 angle, radians.
    public var s3: Double
    /// Stewart motor 4 angle, radians.
    public var s4: Double
    /// Stewart motor 5 angle, radians.
    public var s5: Double
    /// Stewart motor 6 angle, radians.
    public var s6: Double

    /// Creates the joints from their values (radians).
    public init(body: Double, s1: Double, s2: Double, s3: Double, s4: Double, s5: Double, s6: Double) {
        self.body = body
        self.s1 = s1
        self.s2 = s2
        self.s3 = s3
        self.s4 = s4
        self.s5 = s5
        self.s6 = s6
    }

    /// Creates the joints from 7 values `[body, s1…s6]`.
    public init(_ values: [Double]) throws(JointError) {
        guard values.count == 7 else { throw .wrongCount(expected: 7, got: values.count) }
        self.init(
            body: values[0], s1: values[1], s2: values[2], s3: values[3], s4: values[4], s5: values[5],
            s6: values[6])
    }

    /// `[body, s1…s6]`.
    public var values: [Double] { [body, s1, s2, s3, s4, s5, s6] }

    /// The six Stewart angles `[s1…s6]`.
    public var stewart: [Double] { [s1, s2, s3, s4, s5, s6] }

    /// Stewart angle `index` (0…5 for s1…s6); out-of-range reads NaN.
    public func stewart(_ index: Int) -> Double {
        switch index {
        case 0: return s1
        case 1: return s2
        case 2: return s3
        case 3: return s4
        case 4: return s5
        case 5: return s6
        default: return .nan
        }
    }

    /// Whether every joint is finite.
    public var isFinite: Bool {
        body.isFinite && s1.isFinite && s2.isFinite && s3.isFinite && s4.isFinite && s5.isFinite && s6.isFinite
    }
}

/// The two antenna joints in radians, SDK order `[right, left]`.
public struct Antennas: Sendable, Equatable, Hashable {
    /// Right antenna angle, radians.
    public var right: Double
    /// Left antenna angle, radians.
    public var left: Double

    /// Creates the antennas from their angles (radians).
    public init(right: Double, left: Double) {
        self.right = right
        self.left = left
    }

    /// Creates the antennas from `[right, left]`.
    public init(_ values: [Double]) throws(JointError) {
        guard values.count == 2 else { throw .wrongCount(expected: 2, got: values.count) }
        self.init(right: values[0], left: values[1])
    }

    /// Both antennas at zero (straight up).
    public static let zero = Antennas(right: 0, left: 0)
    /// The SDK's rest position `[−10°, +10°]` (reduces shaking when vertical).
    public static let rest = Antennas(right: -0.1745, left: 0.1745)
    /// The SDK's sleep position `[−3.05, +3.05]` rad.
    public static let sleep = Antennas(right: -3.05, left: 3.05)

    /// `[right, left]`.
    public var values: [Double] { [right, left] }
}

/// All nine joints (radians): head joints + antennas, with the canonical bus order.
public struct JointVector: Sendable, Equatable, Hashable {
    /// Body yaw and Stewart joints.
    public var head: HeadJoints
    /// Antenna joints.
    public var antennas: Antennas

    /// Creates a joint vector.
    public init(head: HeadJoints, antennas: Antennas) {
        self.head = head
        self.antennas = antennas
    }

    /// Creates a joint vector from 9 values in the canonical order
    /// `[body, s1…s6, right_antenna, left_antenna]` (see ``ReachyMotor``).
    public init(motorOrder v: [Double]) throws(JointError) {
        guard v.count == 9 else { throw .wrongCount(expected: 9, got: v.count) }
        self.init(
            head: HeadJoints(body: v[0], s1: v[1], s2: v[2], s3: v[3], s4: v[4], s5: v[5], s6: v[6]),
            antennas: Antennas(right: v[7], left: v[8]))
    }

    /// The 9 values in the canonical bus order (index = ``ReachyMotor/rawValue``, ID = 10 + index).
    public var motorOrder: [Double] { head.values + antennas.values }

    /// The joint of `motor`.
    public subscript(motor: ReachyMotor) -> Double {
        get {
            switch motor {
            case .bodyRotation: return head.body
            case .stewart1: return head.s1
            case .stewart2: return head.s2
            case .stewart3: return head.s3
            case .stewart4: return head.s4
            case .stewart5: return head.s5
            case .stewart6: return head.s6
            case .rightAntenna: return antennas.right
            case .leftAntenna: return antennas.left
            }
        }
        set {
            switch motor {
            case .bodyRotation: head.body = newValue
            case .stewart1: head.s1 = newValue
            case .stewart2: head.s2 = newValue
            case .stewart3: head.s3 = newValue
            case .stewart4: head.s4 = newValue
            case .stewart5: head.s5 = newValue
            case .stewart6: head.s6 = newValue
            case .rightAntenna: antennas.right = newValue
            case .leftAntenna: antennas.left = newValue
            }
        }
    }

    /// Raw Dynamixel goal counts in the canonical order, as the bus writes them
    /// (`DynamixelUnits.position(fromRadians:)`: nearest count).
    public var rawPositions: [Int] { motorOrder.map { DynamixelUnits.position(fromRadians: $0) } }
}

/// Why a list of numbers could not be turned into joints.
public enum JointError: Error, Equatable, CustomStringConvertible {
    /// Wrong number of values.
    case wrongCount(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .wrongCount(let expected, let got):
            let what =
                expected == 7 ? "[body, s1…s6]" : expected == 2 ? "[right, left]" : "[body, s1…s6, right, left]"
            return "Expected \(expected) joint values \(what) in radians, got \(got)."
        }
    }
}
