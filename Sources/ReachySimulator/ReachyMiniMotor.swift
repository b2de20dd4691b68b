public import ReachyMiniDescription

/// One motor of a simulated Reachy Mini: a robot-description motor (`reachy-mini.json`) with its model resolved to
/// the simulator's ``VirtualServoModel``.
public struct ReachyMiniMotor: Hashable, Sendable {
    /// The official motor name (`body_rotation`, `stewart_1`, …).
    public var name: String
    /// Dynamixel ID.
    public var id: UInt8
    /// The simulated servo model.
    public var model: VirtualServoModel
    /// Homing Offset (20), pulses.
    public var homingOffset: Int32
    /// Min and Max Position Limit (52, 48), pulses.
    public var positionLimits: ClosedRange<Int32>
    /// Position P, I, D gains (84, 82, 80) as the daemon writes them.
    public var positionGains: (p: UInt16, i: UInt16, d: UInt16)
    /// Operating Mode (11).
    public var operatingMode: UInt8
    /// Return Delay Time (9), 2 µs units.
    public var returnDelayTime: UInt8
    /// Shutdown (63): the hardware errors that switch torque off.
    public var shutdown: UInt8

    /// The simulated motor for a described one.
    /// - Throws: ``ReachyMiniMotorError/unknownModel(motor:number:)`` when the simulator has no servo model with
    ///   that model number.
    public init(_ described: MotorDescription) throws(ReachyMiniMotorError) {
        guard let model = VirtualServoModel.known.first(where: { $0.number == described.model.number }) else {
            throw .unknownModel(motor: described.name, number: described.model.number)
        }
        name = described.name
        id = described.id
        self.model = model
        homingOffset = described.homingOffset
        positionLimits = described.positionLimits.min...max(described.positionLimits.min, described.positionLimits.max)
        positionGains = (described.pid.p, described.pid.i, described.pid.d)
        operatingMode = described.operatingMode
        returnDelayTime = described.returnDelayTime
        shutdown = described.shutdown
    }

    public static func == (a: Self, b: Self) -> Bool { a.id == b.id && a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// Why a described motor cannot be simulated.
public enum ReachyMiniMotorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The description names a model number the simulator does not model.
    case unknownModel(motor: String, number: UInt16)

    public var description: String {
        switch self {
        case .unknownModel(let motor, let number):
            let known = VirtualServoModel.known.map { "\($0.number) (\($0.name))" }.joined(separator: ", ")
            return "Motor \(motor) has model number \(number), which the simulator does not model; "
                + "use one of \(known) in the robot description, or add the model to VirtualServoModel.known."
        }
    }
}
