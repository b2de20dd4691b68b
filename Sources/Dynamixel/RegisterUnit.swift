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
