import Dynamixel
import ReachyMiniDescription

/// The nine servos of a Reachy Mini, in the canonical bus order
/// `[body_rotation, stewart_1…stewart_6, right_antenna, left_antenna]` (Dynamixel IDs 10…18).
public enum ReachyMotor: Int, Sendable, CaseIterable, Hashable {
    case bodyRotation = 0
    case stewart1, stewart2, stewart3, stewart4, stewart5, stewart6
    case rightAntenna, leftAntenna

    /// Dynamixel ID on the bus (10…18).
    public var id: UInt8 { UInt8(10 + rawValue) }

    /// The official motor name (`body_rotation`, `stewart_1`, …, `right_antenna`, `left_antenna`).
    public var name: String {
        switch self {
        case .bodyRotation: return "body_rotation"
        case .rightAntenna: return "right_antenna"
        case .leftAntenna: return "left_antenna"
        default: return "stewart_\(rawValue)"
        }
    }

    /// The motor with Dynamixel ID `id`, if any.
    public init?(id: UInt8) {
        guard id >= 10, let m = ReachyMotor(rawValue: Int(id) - 10) else { return nil }
        self = m
    }

    /// The motor named `name` (official names), if any.
    public init?(name: String) {
        guard let m = ReachyMotor.allCases.first(where: { $0.name == name }) else { return nil }
        self = m
    }

    /// The six Stewart-platform motors in order.
    public static let stewart: [ReachyMotor] = [.stewart1, .stewart2, .stewart3, .stewart4, .stewart5, .stewart6]

    /// EEPROM position limits in raw counts (min/max position limit registers, as configured by the factory): the
    /// bundled robot description's `positionLimits` for this motor's ID.
    public var rawPositionLimits: ClosedRange<Int> { Self.limitTable[rawValue] }

    /// The EEPROM limits in radians (`rad = 2π·raw/4096 − π`).
    public var eepromLimits: ClosedRange<Double> {
        let r = rawPositionLimits
        return DynamixelUnits.radians(fromPosition: r.lowerBound)...DynamixelUnits.radians(fromPosition: r.upperBound)
    }

    /// `rawPositionLimits` by `rawValue`, read once from the description. The enum's cases, IDs and names are the
    /// motion API; `RobotDescriptionAgreementTests` checks they are the description's, in its order.
    private static let limitTable: [ClosedRange<Int>] = allCases.map { motor in
        guard let described = RobotDescription.bundledReachyMini.motor(id: Int(motor.id)) else {
            fatalError(
                "The bundled robot description has no motor with ID \(motor.id) (\(motor.name)); "
                    + "reachy-mini.json must list IDs 10…18.")
        }
        return described.positionLimits.closedRange
    }
}
