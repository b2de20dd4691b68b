/// Conversions between register values and physical units: the package's one radians↔position conversion.
public enum DynamixelUnits {
    /// Encoder pulses per turn.
    public static let pulsesPerTurn = 4096

    /// Radians from a raw position: `2π·raw/4096 − π` (raw 2048 is 0 rad), as the official stack computes it.
    public static func radians(fromPosition raw: Int) -> Double {
        2 * Double.pi * Double(raw) / Double(pulsesPerTurn) - Double.pi
    }

    /// The raw position nearest to an angle: `4096·(π+rad)/(2π)` rounded to the nearest count (halves away from
    /// zero), saturating to the 32-bit range of Goal Position; NaN gives 0. The one rounding rule of every path
    /// that turns an angle into counts (bus writes, safety quantization, raw joint positions), so
    /// `position(fromRadians: radians(fromPosition: raw)) == raw` for every raw. (The official driver truncates;
    /// nearest is never more than half a count, 0.044°, from it.)
    public static func position(fromRadians radians: Double) -> Int {
        let value = (Double(pulsesPerTurn) * (Double.pi + radians) / (2 * Double.pi)).rounded()
        guard !value.isNaN else { return 0 }
        if value >= Double(Int32.max) { return Int(Int32.max) }
        if value <= Double(Int32.min) { return Int(Int32.min) }
        return Int(value)
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
