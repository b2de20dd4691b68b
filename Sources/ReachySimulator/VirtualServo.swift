public import Dynamixel

/// One simulated X330 servo: its full control table (EEPROM 0–63 and RAM), the access and range rules a real
/// servo enforces, and a small physical model (the horn follows the goal at a plausible speed, and reports
/// velocity, current, temperature and voltage deterministically).
///
/// A value type: the `VirtualBus` owns its servos and serialises access. Time only moves through `advance(by:)`.
public struct VirtualServo: Sendable {
    /// The servo's model.
    public let model: VirtualServoModel
    /// The raw control table, addresses 0–227. Dynamic registers (present position…) are refreshed on every step.
    public internal(set) var memory: [UInt8]

    /// The horn's physical angle in encoder pulses, before Homing Offset and Drive Mode are applied.
    public internal(set) var shaftPosition: Double
    /// Signed speed in pulses per second, in the present-position frame.
    var velocity: Double = 0
    /// Signed acceleration in pulses per second squared (for the current model).
    var acceleration: Double = 0
    /// Winding temperature, °C.
    var temperature: Double
    /// The supply voltage seen by this servo, volts.
    public internal(set) var supplyVoltage: Double
    /// Time since power-on, for Realtime Tick.
    var uptime: Duration = .zero
    /// The write stored by Reg Write, run by Action.
    var registeredWrite: (address: Int, data: [UInt8])?
    /// The Control Table Backup, when stored.
    var backup: [UInt8]?
    /// For time-based profiles: the distance to travel when the goal was written.
    var profileDistance: Double = 0

    /// Room temperature, °C: where the winding settles when idle.
    public static let ambientTemperature = 28.0
    /// Pulses per revolution.
    static let pulsesPerRevolution = 4096.0
    /// One Velocity LSB (0.229 rpm) in pulses per second.
    static let velocityUnit = 0.229 * pulsesPerRevolution / 60
    /// One Profile Acceleration LSB (214.577 rev/min²) in pulses per second squared.
    static let accelerationUnit = 214.577 * pulsesPerRevolution / 3600

    /// A servo fresh from ROBOTIS: ID 1, 57600 bps, torque off, every register at its model default, holding the
    /// horn at `presentPosition`.
    public init(
        model: VirtualServoModel, id: UInt8 = 1, firmware: UInt8 = 52, presentPosition: Int32 = 2048,
        supplyVoltage: Double = 5.0
    ) {
        self.model = model
        memory = VirtualServo.factoryMemory(model: model, firmware: firmware)
        memory[VirtualControlTable.id.address] = id
        shaftPosition = Double(presentPosition)
        temperature = VirtualServo.ambientTemperature
        self.supplyVoltage = supplyVoltage
        set(VirtualControlTable.goalPosition, Int64(presentPosition))
        refresh()
    }

    /// The control table as ROBOTIS ships it (dynamixel.md §2), for `model`.
    static func factoryMemory(model: VirtualServoModel, firmware: UInt8) -> [UInt8] {
        var memory = [UInt8](repeating: 0, count: VirtualControlTable.size)
        func put(_ register: VirtualRegister, _ value: Int64) {
            for (offset, byte) in register.encode(value).enumerated() { memory[register.address + offset] = byte }
        }
        typealias T = VirtualControlTable
        put(T.modelNumber, Int64(model.number))
        put(T.firmwareVersion, Int64(firmware))
        put(T.id, 1)
        put(T.baudRate, 1)
        put(T.returnDelayTime, 250)
        put(T.operatingMode, 3)
        put(T.secondaryID, 255)
        put(T.protocolType, 2)
        put(T.movingThreshold, 10)
        put(T.temperatureLimit, 70)
        put(T.maxVoltageLimit, 70)
        put(T.minVoltageLimit, 35)
        put(T.pwmLimit, 885)
        put(T.currentLimit, Int64(model.currentLimit))
        put(T.velocityLimit, Int64(model.velocityLimit))
        put(T.maxPositionLimit, 4095)
        put(T.minPositionLimit, 0)
        put(T.pwmSlope, 140)
        put(T.shutdown, Int64(model.shutdown))
        loadRAMDefaults(into: &memory, model: model)
        return memory
    }

    /// The power-on values of the RAM area (64 and up), except Goal Position (set to the present position).
    static func loadRAMDefaults(into memory: inout [UInt8], model: VirtualServoModel) {
        typealias T = VirtualControlTable
        func put(_ register: VirtualRegister, _ value: Int64) {
            for (offset, byte) in register.encode(value).enumerated() { memory[register.address + offset] = byte }
        }
        put(T.torqueEnable, 0)
        put(T.led, 0)
        put(T.statusReturnLevel, 2)
        put(T.registeredInstruction, 0)
        put(T.velocityIGain, Int64(model.velocityGains.i))
        put(T.velocityPGain, Int64(model.velocityGains.p))
        put(T.positionDGain, Int64(model.positionGains.d))
        put(T.positionIGain, Int64(model.positionGains.i))
        put(T.positionPGain, Int64(model.positionGains.p))
        put(T.feedforward2ndGain, 0)
        put(T.feedforward1stGain, 0)
        put(T.busWatchdog, 0)
        put(T.goalPWM, T.pwmLimit.decode(memory[T.pwmLimit.addresses]))
        put(T.goalCurrent, T.currentLimit.decode(memory[T.currentLimit.addresses]))
        put(T.goalVelocity, 0)
        put(T.profileAcceleration, 0)
        put(T.profileVelocity, 0)
        for (index, register) in T.indirectAddresses.enumerated() { put(register, Int64(208 + index)) }
        for register in T.indirectData { put(register, 0) }
    }

    // MARK: Register access for the simulator and tests

    /// The value of `register` (sign-extended when the register is signed).
    public func value(_ register: VirtualRegister) -> Int64 {
        // Plain index loops, not slices and `enumerated()`: this runs for every register of every servo on every
        // 1 ms integration step, and generic sequence code is slow in the debug builds the tests use.
        var raw: UInt64 = 0
        var offset = register.size - 1
        while offset >= 0 {
            raw = raw << 8 | UInt64(memory[register.address + offset])
            offset -= 1
        }
        return register.signExtended(raw)
    }

    /// Stores `value` without any check (internal bookkeeping and test hooks).
    mutating func set(_ register: VirtualRegister, _ value: Int64) {
        var offset = 0
        while offset < register.size {
            memory[register.address + offset] = UInt8(truncatingIfNeeded: value >> (8 * Int64(offset)))
            offset += 1
        }
    }

    /// The servo's current ID (address 7).
    public var id: UInt8 { memory[VirtualControlTable.id.address] }
    /// Whether torque is on (address 64).
    public var torqueEnabled: Bool { memory[VirtualControlTable.torqueEnable.address] != 0 }
    /// Hardware Error Status (address 70); nonzero sets the Alert bit of every status packet.
    public var hardwareErrorStatus: UInt8 { memory[VirtualControlTable.hardwareErrorStatus.address] }
    /// Present Position (address 132), pulses.
    public var presentPosition: Int32 { Int32(truncatingIfNeeded: value(VirtualControlTable.presentPosition)) }
    /// Goal Position (address 116), pulses.
    public var goalPosition: Int32 { Int32(truncatingIfNeeded: value(VirtualControlTable.goalPosition)) }

    /// The error byte for a status packet: `error` plus the Alert bit while a hardware error is latched.
    public func statusError(_ error: ProtocolError? = nil) -> StatusError {
        StatusError(alert: hardwareErrorStatus != 0, error: error)
    }

    // MARK: Test API

    /// Turns the horn by hand to the angle that reads `presentPosition` (in the present-position frame, after
    /// Homing Offset and Drive Mode). With torque on, the servo then drives back towards its goal.
    public mutating func setHandPosition(_ presentPosition: Int64) {
        shaftPosition = shaft(forPresent: Double(presentPosition))
        velocity = 0
        acceleration = 0
        refresh()
    }

    /// Writes raw bytes into the control table, bypassing every rule (a test hook; dynamic registers are
    /// recomputed on the next step unless you set the physical state instead, e.g. with `setHandPosition`).
    public mutating func poke(address: Int, bytes: [UInt8]) {
        for (offset, byte) in bytes.enumerated() where address + offset >= 0 && address + offset < memory.count {
            memory[address + offset] = byte
        }
    }

    /// Latches hardware error bits (address 70) as the firmware would on a fault: every later status carries the
    /// Alert bit, and if any bit is in the Shutdown mask (63) torque is switched off. Only Reboot clears them.
    public mutating func raiseHardwareError(_ bits: HardwareErrorBits) {
        let latched = hardwareErrorStatus | bits.rawValue
        memory[VirtualControlTable.hardwareErrorStatus.address] = latched
        if latched & memory[VirtualControlTable.shutdown.address] != 0 {
            memory[VirtualControlTable.torqueEnable.address] = 0
            velocity = 0
            acceleration = 0
        }
        if bits.contains(.overheating) {
            temperature = max(temperature, Double(value(VirtualControlTable.temperatureLimit)) + 10)
        }
        refresh()
    }

    /// Changes the supply voltage this servo sees; outside the voltage limits (32, 34) it latches an Input Voltage
    /// error.
    public mutating func setSupplyVoltage(_ volts: Double) {
        supplyVoltage = volts
        checkVoltage()
        refresh()
    }

    mutating func checkVoltage() {
        let tenths = (supplyVoltage * 10).rounded()
        if tenths < Double(value(VirtualControlTable.minVoltageLimit))
            || tenths > Double(value(VirtualControlTable.maxVoltageLimit))
        {
            if hardwareErrorStatus & HardwareErrorBits.inputVoltage.rawValue == 0 {
                raiseHardwareError(.inputVoltage)
            }
        }
    }
}

/// The bits of Hardware Error Status (70) and of the Shutdown mask (63).
public struct HardwareErrorBits: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Bit 0: the supply voltage is outside the configured limits.
    public static let inputVoltage = HardwareErrorBits(rawValue: 0x01)
    /// Bit 2: the winding is hotter than Temperature Limit.
    public static let overheating = HardwareErrorBits(rawValue: 0x04)
    /// Bit 3: the encoder failed.
    public static let motorEncoder = HardwareErrorBits(rawValue: 0x08)
    /// Bit 4: electrical shock on the circuit.
    public static let electricalShock = HardwareErrorBits(rawValue: 0x10)
    /// Bit 5: a persistent load beyond the motor's capacity.
    public static let overload = HardwareErrorBits(rawValue: 0x20)
}
