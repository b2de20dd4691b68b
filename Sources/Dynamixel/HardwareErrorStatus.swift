/// Hardware Error Status (address 70) and Shutdown (address 63): which faults the servo detected, or which
/// faults make it shut down. When one fires, torque goes off, the LED blinks and every reply carries the Alert
/// bit; only a Reboot clears it.
public struct HardwareErrorStatus: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bit 0: the supply voltage is outside Min/Max Voltage Limit.
    public static let inputVoltage = HardwareErrorStatus(rawValue: 0x01)
    /// Bit 2: the internal temperature exceeds Temperature Limit.
    public static let overheating = HardwareErrorStatus(rawValue: 0x04)
    /// Bit 3: the encoder malfunctions.
    public static let motorEncoder = HardwareErrorStatus(rawValue: 0x08)
    /// Bit 4: an electrical fault in the circuit.
    public static let electricalShock = HardwareErrorStatus(rawValue: 0x10)
    /// Bit 5: a sustained load beyond the motor's capacity.
    public static let overload = HardwareErrorStatus(rawValue: 0x20)

    /// Every defined bit, in bit order.
    public static let all: [HardwareErrorStatus] = [
        .inputVoltage, .overheating, .motorEncoder, .electricalShock, .overload,
    ]

    /// The factory Shutdown value of the XL330 (input voltage, overheating, electrical shock, overload).
    public static let xl330DefaultShutdown: HardwareErrorStatus = [
        .inputVoltage, .overheating, .electricalShock, .overload,
    ]
    /// Reachy Mini's Shutdown value (52): as the factory value but without input voltage.
    public static let reachyShutdown: HardwareErrorStatus = [.overheating, .electricalShock, .overload]

    /// The name of a single bit.
    public var name: String {
        switch self {
        case .inputVoltage: "input voltage"
        case .overheating: "overheating"
        case .motorEncoder: "motor encoder"
        case .electricalShock: "electrical shock"
        case .overload: "overload"
        default: "unknown bits 0x" + String(rawValue, radix: 16, uppercase: true)
        }
    }

    /// What a single bit means and what to do about it.
    public var message: String {
        switch self {
        case .inputVoltage:
            "Input voltage error: the supply is outside the motor's voltage limits (addresses 32/34). Check the power supply (5 V), then reboot the motor."
        case .overheating:
            "Overheating: the motor is hotter than its Temperature Limit (address 31). Turn torque off, let it cool, reduce the load, then reboot it."
        case .motorEncoder:
            "Motor encoder error: the position sensor malfunctions. Reboot the motor; if it persists, the motor needs repair."
        case .electricalShock:
            "Electrical shock error: an electrical fault in the motor's circuit. Check the wiring and the power supply, then reboot the motor."
        case .overload:
            "Overload: the motor was held against a load beyond its capacity. Free the joint, lower the load, then reboot the motor."
        default:
            "Undefined hardware error bits 0x\(String(rawValue, radix: 16, uppercase: true))."
        }
    }

    /// The set bits one by one (undefined bits grouped last).
    public var components: [HardwareErrorStatus] {
        var parts = HardwareErrorStatus.all.filter { contains($0) }
        let unknown = rawValue & ~HardwareErrorStatus.all.reduce(0) { $0 | $1.rawValue }
        if unknown != 0 { parts.append(HardwareErrorStatus(rawValue: unknown)) }
        return parts
    }

    /// One message per set bit.
    public var messages: [String] { components.map(\.message) }

    public var description: String {
        rawValue == 0 ? "no hardware error" : components.map(\.name).joined(separator: ", ")
    }
}
