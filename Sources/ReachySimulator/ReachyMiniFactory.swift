/// The motors of a Reachy Mini as Pollen configures them before shipping (reachy_mini.md §1.1, from
/// `hardware_config.yaml`). The repository's hardware description `hardware/reachy-mini.json` holds the same facts;
/// this small table is the simulator's copy until the two are unified (`FactoryDescriptionTests` keeps them equal).
public struct ReachyMiniMotor: Hashable, Sendable {
    public var name: String
    public var id: UInt8
    public var model: VirtualServoModel
    /// Homing Offset (20), pulses.
    public var homingOffset: Int32
    /// Min and Max Position Limit (52, 48), pulses.
    public var positionLimits: ClosedRange<Int32>
    /// Position P, I, D gains (84, 82, 80) as the daemon writes them.
    public var positionGains: (p: UInt16, i: UInt16, d: UInt16)

    public static func == (a: Self, b: Self) -> Bool { a.id == b.id && a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// The factory configuration shared by every motor, and the per-motor table.
public enum ReachyMiniFactory {
    /// Firmware Version (6) the simulated motors report.
    public static let firmware: UInt8 = 52
    /// Baud Rate register value 3 = 1,000,000 bps.
    public static let baudRateCode: UInt8 = 3
    /// The bus speed, bps.
    public static let baudRate = 1_000_000
    /// Return Delay Time (9): 0 µs.
    public static let returnDelayTime: UInt8 = 0
    /// Shutdown (63): overheating, electrical shock, overload (not input voltage).
    public static let shutdown: UInt8 = 52
    /// Operating Mode (11): position control.
    public static let operatingMode: UInt8 = 3
    /// The nominal supply voltage, volts.
    public static let supplyVoltage = 5.0

    /// The nine motors in the canonical order `[body, stewart 1–6, right antenna, left antenna]`.
    public static let motors: [ReachyMiniMotor] = [
        ReachyMiniMotor(
            name: "body_rotation", id: 10, model: .xc330M288, homingOffset: 0, positionLimits: 0...4095,
            positionGains: (200, 0, 0)),
        ReachyMiniMotor(
            name: "stewart_1", id: 11, model: .xl330M288, homingOffset: 1024, positionLimits: 1502...2958,
            positionGains: (300, 0, 0)),
        ReachyMiniMotor(
            name: "stewart_2", id: 12, model: .xl330M288, homingOffset: -1024, positionLimits: 1138...2844,
            positionGains: (300, 0, 0)),
        ReachyMiniMotor(
            name: "stewart_3", id: 13, model: .xl330M288, homingOffset: 1024, positionLimits: 1502...2958,
            positionGains: (300, 0, 0)),
        ReachyMiniMotor(
            name: "stewart_4", id: 14, model: .xl330M288, homingOffset: -1024, positionLimits: 1138...2594,
            positionGains: (300, 0, 0)),
        ReachyMiniMotor(
            name: "stewart_5", id: 15, model: .xl330M288, homingOffset: 1024, positionLimits: 1252...2958,
            positionGains: (300, 0, 0)),
        ReachyMiniMotor(
            name: "stewart_6", id: 16, model: .xl330M288, homingOffset: -1024, positionLimits: 1138...2594,
            positionGains: (300, 0, 0)),
        ReachyMiniMotor(
            name: "right_antenna", id: 17, model: .xl330M077, homingOffset: 0, positionLimits: 0...4095,
            positionGains: (200, 0, 0)),
        ReachyMiniMotor(
            name: "left_antenna", id: 18, model: .xl330M077, homingOffset: 0, positionLimits: 0...4095,
            positionGains: (200, 0, 0)),
    ]

    /// A servo configured as `motor`, torque off, its horn at `presentPosition` (2048 = 0 rad by default).
    public static func servo(
        for motor: ReachyMiniMotor, presentPosition: Int32 = 2048, supplyVoltage: Double = supplyVoltage
    ) -> VirtualServo {
        typealias T = VirtualControlTable
        var servo = VirtualServo(model: motor.model, id: motor.id, firmware: firmware, supplyVoltage: supplyVoltage)
        servo.set(T.baudRate, Int64(baudRateCode))
        servo.set(T.returnDelayTime, Int64(returnDelayTime))
        servo.set(T.operatingMode, Int64(operatingMode))
        servo.set(T.shutdown, Int64(shutdown))
        servo.set(T.homingOffset, Int64(motor.homingOffset))
        servo.set(T.minPositionLimit, Int64(motor.positionLimits.lowerBound))
        servo.set(T.maxPositionLimit, Int64(motor.positionLimits.upperBound))
        servo.set(T.positionPGain, Int64(motor.positionGains.p))
        servo.set(T.positionIGain, Int64(motor.positionGains.i))
        servo.set(T.positionDGain, Int64(motor.positionGains.d))
        servo.setHandPosition(Int64(presentPosition))
        servo.set(T.goalPosition, Int64(presentPosition))
        servo.refresh()
        return servo
    }
}
