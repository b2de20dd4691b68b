import Dynamixel

/// One servo: identity, model and the EEPROM/RAM settings the robot expects.
public struct MotorDescription: Codable, Hashable, Sendable {
    /// The official motor name (`body_rotation`, `stewart_1`, …).
    public var name: String
    /// Dynamixel ID on the bus.
    public var id: UInt8
    /// The servo model.
    public var model: MotorModel
    /// Homing Offset (address 20), raw pulses; present position = actual + offset.
    public var homingOffset: Int32
    /// Min/Max Position Limit (addresses 52/48), raw pulses.
    public var positionLimits: RawPositionRange
    /// The joint's range in degrees (URDF).
    public var jointLimitsDegrees: DegreeRange
    /// Position P/I/D gains (addresses 84/82/80).
    public var pid: PIDGains
    /// Operating Mode (address 11): 3 = position control.
    public var operatingMode: UInt8
    /// Return Delay Time (address 9), in units of 2 µs.
    public var returnDelayTime: UInt8
    /// Shutdown (address 63): which hardware errors switch the torque off.
    public var shutdown: UInt8

    /// Problems with this motor's values, one sentence each. Ranges are the driver's control table
    /// (`Dynamixel.Register`), so the file and the driver cannot disagree about what a servo accepts.
    public func validate() -> [String] {
        var problems: [String] = []
        let who = "motor \(name) (ID \(id))"
        func outside(_ register: Register, _ value: Int) -> Bool { (try? register.checkWritable(value)) == nil }
        if outside(.id, Int(id)) { problems.append("\(who): ID must be 0…252") }
        let positions = Register.minPositionLimit.range ?? 0...4095
        if !positions.contains(Int(positionLimits.min)) || !positions.contains(Int(positionLimits.max))
            || positionLimits.min > positionLimits.max
        {
            problems.append(
                "\(who): position limits \(positionLimits.min)…\(positionLimits.max) must lie in "
                    + "\(positions.lowerBound)…\(positions.upperBound), min ≤ max")
        }
        if operatingMode == 3, abs(homingOffset) > 1024 {
            problems.append("\(who): homing offset \(homingOffset) is outside ±1024, the valid range in position mode")
        }
        if jointLimitsDegrees.min > jointLimitsDegrees.max {
            problems.append("\(who): joint limits \(jointLimitsDegrees.min)…\(jointLimitsDegrees.max)° are reversed")
        }
        let gains: [(String, Register, UInt16)] = [
            ("P", .positionPGain, pid.p), ("I", .positionIGain, pid.i), ("D", .positionDGain, pid.d),
        ]
        for (gain, register, value) in gains where outside(register, Int(value)) {
            problems.append("\(who): \(gain) gain \(value) exceeds 16383")
        }
        if outside(.operatingMode, Int(operatingMode)) {
            problems.append("\(who): operating mode \(operatingMode) is not one of 0, 1, 3, 4, 5, 16")
        }
        if outside(.returnDelayTime, Int(returnDelayTime)) {
            problems.append("\(who): return delay \(returnDelayTime) exceeds 254")
        }
        if shutdown & ~0x3D != 0 {
            problems.append("\(who): shutdown \(shutdown) sets bits other than 0, 2, 3, 4, 5")
        }
        return problems
    }
}
