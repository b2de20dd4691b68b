public import ReachyMiniDescription

/// What one motor's EEPROM and gains must hold for the robot to work: the expected values the startup sequence
/// verifies (and rewrites when they differ). Built from a robot description's motor (``init(_:)``);
/// ``RobotConfiguration/reachyMini`` is the bundled description's table.
public struct MotorConfiguration: Sendable, Hashable {
    /// Official motor name (`stewart_1`…).
    public var name: String
    /// Dynamixel ID.
    public var id: UInt8
    /// Homing Offset (address 20), pulses.
    public var homingOffset: Int32
    /// Min Position Limit (address 52), pulses.
    public var minPosition: Int32
    /// Max Position Limit (address 48), pulses.
    public var maxPosition: Int32
    /// Operating Mode (address 11); 3 = position control.
    public var operatingMode: UInt8
    /// Return Delay Time (address 9), units of 2 µs.
    public var returnDelayTime: UInt8
    /// Shutdown (address 63): the hardware errors that switch torque off.
    public var shutdown: UInt8
    /// Position P, I, D gains (addresses 84, 82, 80).
    public var p: UInt16
    public var i: UInt16
    public var d: UInt16

    public init(
        name: String, id: UInt8, homingOffset: Int32, minPosition: Int32, maxPosition: Int32, operatingMode: UInt8 = 3,
        returnDelayTime: UInt8 = 0, shutdown: UInt8 = 52, p: UInt16, i: UInt16 = 0, d: UInt16 = 0
    ) {
        self.name = name
        self.id = id
        self.homingOffset = homingOffset
        self.minPosition = minPosition
        self.maxPosition = maxPosition
        self.operatingMode = operatingMode
        self.returnDelayTime = returnDelayTime
        self.shutdown = shutdown
        self.p = p
        self.i = i
        self.d = d
    }
}

extension MotorConfiguration {
    /// The expected settings of a described motor.
    public init(_ described: MotorDescription) {
        self.init(
            name: described.name, id: described.id, homingOffset: described.homingOffset,
            minPosition: described.positionLimits.min, maxPosition: described.positionLimits.max,
            operatingMode: described.operatingMode, returnDelayTime: described.returnDelayTime,
            shutdown: described.shutdown, p: described.pid.p, i: described.pid.i, d: described.pid.d)
    }
}

/// The expected configuration of all nine motors, in the canonical order `[body, s1…s6, right, left]`.
public struct RobotConfiguration: Sendable, Hashable {
    /// One entry per ``ReachyMotor``, in its order.
    public var motors: [MotorConfiguration]

    /// Checks that there is exactly one entry per Reachy Mini motor, in canonical order (IDs 10…18).
    /// - Throws: ``StartupError/invalidConfiguration(_:)`` naming what is wrong.
    public init(motors: [MotorConfiguration]) throws(StartupError) {
        let expected = ReachyMotor.allCases.map(\.id)
        let sorted = motors.sorted { $0.id < $1.id }
        guard sorted.map(\.id) == expected else {
            throw .invalidConfiguration(
                "the robot description must list motors with IDs 10…18 once each; it lists "
                    + motors.map { String($0.id) }.joined(separator: ", "))
        }
        for motor in sorted
        where motor.minPosition > motor.maxPosition || motor.minPosition < 0 || motor.maxPosition > 4095 {
            throw .invalidConfiguration(
                "\(motor.name) has position limits \(motor.minPosition)…\(motor.maxPosition), not inside 0…4095")
        }
        self.motors = sorted
    }

    /// The expected motor table of a robot description (`reachy-mini.json`).
    /// - Throws: ``StartupError/invalidConfiguration(_:)`` when it does not list the nine motors.
    public init(_ description: RobotDescription) throws(StartupError) {
        try self.init(motors: description.motors.map(MotorConfiguration.init))
    }

    /// The factory configuration of a Reachy Mini: the bundled robot description
    /// (``RobotDescription/bundledReachyMini``, from `hardware_config.yaml`).
    public static let reachyMini: RobotConfiguration = {
        do {
            return try RobotConfiguration(RobotDescription.bundledReachyMini)
        } catch {
            fatalError("\(error)")
        }
    }()

    /// The entry for `id`, if any.
    public func motor(id: UInt8) -> MotorConfiguration? { motors.first { $0.id == id } }
}
