/// The physical unit of one raw step of a register, as the XL330/XC330 e-manual gives it.
public enum RegisterUnit: String, Hashable, Sendable, CaseIterable {
    /// A plain number (IDs, modes, counts).
    case none
    /// A bit field (see `HardwareErrorStatus`, Drive Mode, Moving Status).
    case bits
    /// Encoder pulses: 4096 per turn (0.088°).
    case pulse
    /// 0.229 rev/min.
    case velocity
    /// 214.577 rev/min².
    case acceleration
    /// 1 mA.
    case current
    /// 0.1 V.
    case voltage
    /// 1 °C.
    case temperature
    /// 0.113 % of full PWM (885 = 100 %).
    case pwm
    /// 2 µs (Return Delay Time).
    case returnDelay
    /// 1.977 mV/ms (PWM Slope).
    case pwmSlope
    /// 20 ms (Bus Watchdog).
    case watchdog
    /// 1 ms.
    case millisecond

    /// The size of one raw step in `symbol` units (1 for plain numbers).
    public var scale: Double {
        switch self {
        case .none, .bits, .pulse, .current, .temperature, .millisecond: 1
        case .velocity: 0.229
        case .acceleration: 214.577
        case .voltage: 0.1
        case .pwm: 0.113
        case .returnDelay: 2
        case .pwmSlope: 1.977
        case .watchdog: 20
        }
    }

    /// The unit symbol of `physical(_:)` values.
    public var symbol: String {
        switch self {
        case .none, .bits: ""
        case .pulse: "pulse"
        case .velocity: "rpm"
        case .acceleration: "rev/min²"
        case .current: "mA"
        case .voltage: "V"
        case .temperature: "°C"
        case .pwm: "%"
        case .returnDelay: "µs"
        case .pwmSlope: "mV/ms"
        case .watchdog, .millisecond: "ms"
        }
    }

    /// A raw value in physical units.
    public func physical(_ raw: Int) -> Double { Double(raw) * scale }

    /// The raw value nearest to a physical value.
    public func raw(_ physical: Double) -> Int? {
        let value = (physical / scale).rounded()
        guard value.isFinite, abs(value) < 1e15 else { return nil }
        return Int(value)
    }
}

/// Conversions the official Reachy Mini stack (rustypot, reachy-mini-motor-controller) uses, bit for bit.
public enum DynamixelUnits {
    /// Encoder pulses per turn.
    public static let pulsesPerTurn = 4096

    /// Radians from a raw position: `2π·raw/4096 − π` (raw 2048 is 0 rad).
    public static func radians(fromPosition raw: Int) -> Double {
        2 * Double.pi * Double(raw) / Double(pulsesPerTurn) - Double.pi
    }

    /// The raw position for an angle: `trunc(4096·(π+rad)/(2π))`, truncating toward zero and saturating to the
    /// 32-bit range like Rust's `as i32` (0.1 rad → 2113; NaN → 0).
    public static func position(fromRadians radians: Double) -> Int {
        let value = Double(pulsesPerTurn) * (Double.pi + radians) / (2 * Double.pi)
        guard !value.isNaN else { return 0 }
        if value >= Double(Int32.max) { return Int(Int32.max) }
        if value <= Double(Int32.min) { return Int(Int32.min) }
        return Int(value.rounded(.towardZero))
    }

    /// Volts from Present Input Voltage (0.1 V steps).
    public static func volts(fromRaw raw: Int) -> Double { Double(raw) * 0.1 }
    /// Milliamperes from Present/Goal Current (1 mA steps on XL330).
    public static func milliamps(fromRaw raw: Int) -> Double { Double(raw) }
    /// Revolutions per minute from a velocity register (0.229 rpm steps).
    public static func rpm(fromRaw raw: Int) -> Double { Double(raw) * 0.229 }
    /// Degrees Celsius from Present Temperature.
    public static func celsius(fromRaw raw: Int) -> Double { Double(raw) }
}
