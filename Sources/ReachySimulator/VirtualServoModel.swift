/// A Dynamixel X330 model as the simulator knows it: identity, factory defaults that differ between models
/// (dynamixel.md §2), and the no-load speed that caps motion.
public struct VirtualServoModel: Hashable, Sendable, CustomStringConvertible {
    /// The value of Model Number (address 0).
    public var number: UInt16
    /// The ROBOTIS name, such as `XL330-M288-T`.
    public var name: String
    /// Factory Current Limit (38), mA; also the upper bound of its range.
    public var currentLimit: UInt16
    /// Factory Velocity Limit (44), 0.229 rpm units.
    public var velocityLimit: UInt32
    /// Factory Velocity I and P gains (76, 78).
    public var velocityGains: (i: UInt16, p: UInt16)
    /// Factory Position D, I and P gains (80, 82, 84).
    public var positionGains: (d: UInt16, i: UInt16, p: UInt16)
    /// Factory Shutdown mask (63).
    public var shutdown: UInt8
    /// No-load speed at 5 V, rpm: the fastest the horn turns with no profile.
    public var noLoadSpeedRPM: Double

    public var description: String { "\(name) (model \(number))" }

    public static func == (a: Self, b: Self) -> Bool { a.number == b.number && a.name == b.name }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(number)
        hasher.combine(name)
    }

    /// XL330-M288-T (model 1200): the six Stewart platform motors.
    public static let xl330M288 = VirtualServoModel(
        number: 1200, name: "XL330-M288-T", currentLimit: 1750, velocityLimit: 445, velocityGains: (1600, 180),
        positionGains: (0, 0, 400), shutdown: 53, noLoadSpeedRPM: 103)
    /// XL330-M077-T (model 1190): the antennas.
    public static let xl330M077 = VirtualServoModel(
        number: 1190, name: "XL330-M077-T", currentLimit: 1750, velocityLimit: 1620, velocityGains: (400, 40),
        positionGains: (0, 0, 400), shutdown: 53, noLoadSpeedRPM: 383)
    /// XC330-M288-T (model 1240): the body yaw motor (Reachy uses a plastic-gear variant; 1240 is assumed).
    public static let xc330M288 = VirtualServoModel(
        number: 1240, name: "XC330-M288-T", currentLimit: 2352, velocityLimit: 350, velocityGains: (1600, 50),
        positionGains: (500, 0, 1100), shutdown: 52, noLoadSpeedRPM: 81)

    /// The models the simulator knows, by model number.
    public static let known: [VirtualServoModel] = [.xl330M288, .xl330M077, .xc330M288]
}
