extension Register {
    /// The name of each Operating Mode (address 11) value.
    public static let operatingModes: [Int: String] = [
        0: "current", 1: "velocity", 3: "position", 4: "extended position", 5: "current-based position", 16: "PWM",
    ]

    /// Whether the register holds an absolute position (2048 = 0 rad), shown in radians too.
    public var isAngle: Bool { [48, 52, 116, 132, 140].contains(address) }

    /// A raw value as a person reads it: the number, then what it means, e.g. `2113 (0.100 rad)`,
    /// `50 (5.0 V)`, `36 (overheating, overload)`, `1200 (XL330-M288-T)`.
    public func display(_ raw: Int) -> String {
        if let meaning = meaning(of: raw) { return "\(raw) (\(meaning))" }
        return "\(raw)"
    }

    private func meaning(of raw: Int) -> String? {
        switch address {
        case Register.modelNumber.address: return DynamixelModel.displayName(for: UInt16(truncatingIfNeeded: raw))
        case Register.baudRate.address: return DynamixelBaudRate.rate(forRegisterValue: raw).map { "\($0) bps" }
        case Register.operatingMode.address: return Register.operatingModes[raw]
        case Register.hardwareErrorStatus.address, Register.shutdown.address:
            return HardwareErrorStatus(rawValue: UInt8(truncatingIfNeeded: raw)).description
        case Register.torqueEnable.address: return raw == 0 ? "off" : "on"
        default: break
        }
        if isAngle { return decimal(DynamixelUnits.radians(fromPosition: raw), places: 3) + " rad" }
        switch unit {
        case .none, .bits, .pulse: return nil
        case .temperature, .current, .millisecond: return "\(raw) \(unit.symbol)"
        case .voltage: return decimal(unit.physical(raw), places: 1) + " " + unit.symbol
        default: return decimal(unit.physical(raw), places: 3) + " " + unit.symbol
        }
    }
}

/// `value` with a fixed number of decimals, without Foundation (`decimal(0.1, places: 3)` is "0.100").
func decimal(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return "\(value)" }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return "\(value)" }
    let whole = Int(scaled)
    let divisor = Int(scale)
    var text = String(whole / divisor)
    if places > 0 {
        let fraction = String(whole % divisor)
        text += "." + String(repeating: "0", count: places - fraction.count) + fraction
    }
    return (value < 0 && whole != 0 ? "-" : "") + text
}
