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

    /// EEPROM position limits in raw counts (min/max position limit registers, as configured by the factory).
    public var rawPositionLimits: ClosedRange<Int> {
        switch self {
        case .bodyRotation, .rightAntenna, .leftAntenna: return 0...4095
        case .stewart1, .stewart3: return 1502...2958
        case .stewart2: return 1138...2844
        case .stewart4, .stewart6: return 1138...2594
        case .stewart5: return 1252...2958
        }
    }

    /// The EEPROM limits in radians (`rad = 2π·raw/4096 − π`).
    public var eepromLimits: ClosedRange<Double> {
        let r = rawPositionLimits
        return MotorUnits.radians(raw: r.lowerBound)...MotorUnits.radians(raw: r.upperBound)
    }
}

/// Conversion between joint radians and Dynamixel raw position counts (4096 counts per turn, raw 2048 = 0 rad).
public enum MotorUnits {
    /// Counts per revolution.
    public static let countsPerTurn = 4096.0

    /// `rad = 2π·raw/4096 − π`.
    @inlinable public static func radians(raw: Int) -> Double { 2 * .pi * Double(raw) / countsPerTurn - .pi }

    /// The raw count for `radians`, truncated like the official driver (so the worked example's s1 =
    /// 0.86753 rad gives 2613), with a 1e-6-count tolerance so exact limit angles map back to their own count.
    /// The result is within 0…4095; non-finite input gives 2048 (the zero position).
    public static func raw(radians: Double) -> Int {
        guard radians.isFinite else { return 2048 }
        let value = ((radians + .pi) * countsPerTurn / (2 * .pi) + 1e-6).rounded(.down)
        return Int(max(0, min(4095, value)))
    }
}
