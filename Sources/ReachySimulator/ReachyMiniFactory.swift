import ReachyMiniDescription

/// The motors of a Reachy Mini as Pollen configures them before shipping, derived from the bundled robot
/// description (`reachy-mini.json`, from `hardware_config.yaml`), and the servos the simulator builds from them.
public enum ReachyMiniFactory {
    /// Firmware Version (6) the simulated motors report.
    public static let firmware: UInt8 = 52
    /// The Baud Rate register value of the robot's bus speed (the description's `bus.baudRateRegisterValue`).
    public static var baudRateCode: UInt8 { RobotDescription.bundledReachyMini.bus.baudRateRegisterValue }
    /// The bus speed, bps (the description's `bus.baudRate`).
    public static var baudRate: Int { RobotDescription.bundledReachyMini.bus.baudRate }
    /// The nominal supply voltage, volts.
    public static let supplyVoltage = 5.0

    /// The nine motors in the canonical order `[body, stewart 1–6, right antenna, left antenna]`.
    ///
    /// Built once from ``RobotDescription/bundledReachyMini``; a bundled motor the simulator cannot model stops
    /// the process with ``ReachyMiniMotorError``'s message (`FactoryDescriptionTests` builds every one).
    public static let motors: [ReachyMiniMotor] = {
        do {
            return try RobotDescription.bundledReachyMini.motors.map { motor throws(ReachyMiniMotorError) in
                try ReachyMiniMotor(motor)
            }
        } catch {
            fatalError("\(error)")
        }
    }()

    /// A servo configured as `motor`, torque off, its horn at `presentPosition` (2048 = 0 rad by default).
    public static func servo(
        for motor: ReachyMiniMotor, presentPosition: Int32 = 2048, supplyVoltage: Double = supplyVoltage
    ) -> VirtualServo {
        typealias T = VirtualControlTable
        var servo = VirtualServo(model: motor.model, id: motor.id, firmware: firmware, supplyVoltage: supplyVoltage)
        servo.set(T.baudRate, Int64(baudRateCode))
        servo.set(T.returnDelayTime, Int64(motor.returnDelayTime))
        servo.set(T.operatingMode, Int64(motor.operatingMode))
        servo.set(T.shutdown, Int64(motor.shutdown))
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
