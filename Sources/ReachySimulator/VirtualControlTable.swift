/// The X330 control table layout the simulator enforces: every defined register, and a per-address index.
/// Addresses not listed are undefined: reading from or writing to them is an Access Error (7).
///
/// Typed in independently of the driver's `Dynamixel.ControlTable` on purpose: the simulator stands for the servo
/// outside the driver, so a register the driver gets wrong (address, size, access, range) fails against it instead
/// of being copied into both sides. `ControlTableAgreementTests` checks that the two tables agree on every register
/// (address, name, size, access, signedness, accepted values), so independence cannot turn into drift.
public enum VirtualControlTable {
    /// One past the last address of the table (Indirect Data 20 is at 227).
    public static let size = 228

    public static let modelNumber = VirtualRegister("Model Number", 0, 2, .readOnly)
    public static let modelInformation = VirtualRegister("Model Information", 2, 4, .readOnly)
    public static let firmwareVersion = VirtualRegister("Firmware Version", 6, 1, .readOnly)
    public static let id = VirtualRegister("ID", 7, 1, .range(0, 252))
    public static let baudRate = VirtualRegister("Baud Rate", 8, 1, .range(0, 6))
    public static let returnDelayTime = VirtualRegister("Return Delay Time", 9, 1, .range(0, 254))
    public static let driveMode = VirtualRegister("Drive Mode", 10, 1, .range(0, 13))
    public static let operatingMode = VirtualRegister("Operating Mode", 11, 1, .oneOf([0, 1, 3, 4, 5, 16]))
    public static let secondaryID = VirtualRegister("Secondary ID", 12, 1, .range(0, 255))
    public static let protocolType = VirtualRegister("Protocol Type", 13, 1, .oneOf([2, 22]))
    public static let homingOffset = VirtualRegister(
        "Homing Offset", 20, 4, signed: true, .range(-1_044_479, 1_044_479))
    public static let movingThreshold = VirtualRegister("Moving Threshold", 24, 4, .range(0, 1023))
    public static let temperatureLimit = VirtualRegister("Temperature Limit", 31, 1, .range(0, 100))
    public static let maxVoltageLimit = VirtualRegister("Max Voltage Limit", 32, 2, .range(31, 70))
    public static let minVoltageLimit = VirtualRegister("Min Voltage Limit", 34, 2, .range(31, 70))
    public static let pwmLimit = VirtualRegister("PWM Limit", 36, 2, .range(0, 885))
    /// Range depends on the model (0…factory limit); checked by the servo.
    public static let currentLimit = VirtualRegister("Current Limit", 38, 2, .limit)
    public static let velocityLimit = VirtualRegister("Velocity Limit", 44, 4, .range(0, 2047))
    public static let maxPositionLimit = VirtualRegister("Max Position Limit", 48, 4, .range(0, 4095))
    public static let minPositionLimit = VirtualRegister("Min Position Limit", 52, 4, .range(0, 4095))
    public static let startupConfiguration = VirtualRegister("Startup Configuration", 60, 1, .range(0, 3))
    public static let pwmSlope = VirtualRegister("PWM Slope", 62, 1, .range(1, 255))
    /// Bits 0, 2–5 as in Hardware Error Status; bits 6–7 do not exist.
    public static let shutdown = VirtualRegister("Shutdown", 63, 1, .range(0, 63))
    public static let torqueEnable = VirtualRegister("Torque Enable", 64, 1, .range(0, 1))
    public static let led = VirtualRegister("LED", 65, 1, .range(0, 1))
    public static let statusReturnLevel = VirtualRegister("Status Return Level", 68, 1, .range(0, 2))
    public static let registeredInstruction = VirtualRegister("Registered Instruction", 69, 1, .readOnly)
    public static let hardwareErrorStatus = VirtualRegister("Hardware Error Status", 70, 1, .readOnly)
    public static let velocityIGain = VirtualRegister("Velocity I Gain", 76, 2, .range(0, 16383))
    public static let velocityPGain = VirtualRegister("Velocity P Gain", 78, 2, .range(0, 16383))
    public static let positionDGain = VirtualRegister("Position D Gain", 80, 2, .range(0, 16383))
    public static let positionIGain = VirtualRegister("Position I Gain", 82, 2, .range(0, 16383))
    public static let positionPGain = VirtualRegister("Position P Gain", 84, 2, .range(0, 16383))
    public static let feedforward2ndGain = VirtualRegister("Feedforward 2nd Gain", 88, 2, .range(0, 16383))
    public static let feedforward1stGain = VirtualRegister("Feedforward 1st Gain", 90, 2, .range(0, 16383))
    public static let busWatchdog = VirtualRegister("Bus Watchdog", 98, 1, .range(0, 127))
    public static let goalPWM = VirtualRegister("Goal PWM", 100, 2, signed: true, .limit)
    public static let goalCurrent = VirtualRegister("Goal Current", 102, 2, signed: true, .limit)
    public static let goalVelocity = VirtualRegister("Goal Velocity", 104, 4, signed: true, .limit)
    public static let profileAcceleration = VirtualRegister("Profile Acceleration", 108, 4, .range(0, 32767))
    public static let profileVelocity = VirtualRegister("Profile Velocity", 112, 4, .range(0, 32767))
    public static let goalPosition = VirtualRegister("Goal Position", 116, 4, signed: true, .limit)
    public static let realtimeTick = VirtualRegister("Realtime Tick", 120, 2, .readOnly)
    public static let moving = VirtualRegister("Moving", 122, 1, .readOnly)
    public static let movingStatus = VirtualRegister("Moving Status", 123, 1, .readOnly)
    public static let presentPWM = VirtualRegister("Present PWM", 124, 2, .readOnly, signed: true)
    public static let presentCurrent = VirtualRegister("Present Current", 126, 2, .readOnly, signed: true)
    public static let presentVelocity = VirtualRegister("Present Velocity", 128, 4, .readOnly, signed: true)
    public static let presentPosition = VirtualRegister("Present Position", 132, 4, .readOnly, signed: true)
    public static let velocityTrajectory = VirtualRegister("Velocity Trajectory", 136, 4, .readOnly, signed: true)
    public static let positionTrajectory = VirtualRegister("Position Trajectory", 140, 4, .readOnly, signed: true)
    public static let presentInputVoltage = VirtualRegister("Present Input Voltage", 144, 2, .readOnly)
    public static let presentTemperature = VirtualRegister("Present Temperature", 146, 1, .readOnly)
    public static let backupReady = VirtualRegister("Backup Ready", 147, 1, .readOnly)

    /// Indirect Address 1–20 (168–206, 2 bytes each): the address that Indirect Data *n* stands for.
    public static let indirectAddresses: [VirtualRegister] = (0..<20).map {
        VirtualRegister("Indirect Address \($0 + 1)", 168 + 2 * $0, 2, .range(64, 227))
    }
    /// Indirect Data 1–20 (208–227): reads and writes go to the byte named by the matching Indirect Address.
    public static let indirectData: [VirtualRegister] = (0..<20).map {
        VirtualRegister("Indirect Data \($0 + 1)", 208 + $0, 1)
    }

    /// Every defined register, by address.
    public static let registers: [VirtualRegister] =
        [
            modelNumber, modelInformation, firmwareVersion, id, baudRate, returnDelayTime, driveMode, operatingMode,
            secondaryID, protocolType, homingOffset, movingThreshold, temperatureLimit, maxVoltageLimit,
            minVoltageLimit, pwmLimit, currentLimit, velocityLimit, maxPositionLimit, minPositionLimit,
            startupConfiguration, pwmSlope, shutdown, torqueEnable, led, statusReturnLevel, registeredInstruction,
            hardwareErrorStatus, velocityIGain, velocityPGain, positionDGain, positionIGain, positionPGain,
            feedforward2ndGain, feedforward1stGain, busWatchdog, goalPWM, goalCurrent, goalVelocity,
            profileAcceleration, profileVelocity, goalPosition, realtimeTick, moving, movingStatus, presentPWM,
            presentCurrent, presentVelocity, presentPosition, velocityTrajectory, positionTrajectory,
            presentInputVoltage, presentTemperature, backupReady,
        ] + indirectAddresses + indirectData

    /// For each address, the register that covers it (`nil` = undefined).
    public static let registerAt: [VirtualRegister?] = {
        var table = [VirtualRegister?](repeating: nil, count: size)
        for register in registers {
            for address in register.addresses where address < size { table[address] = register }
        }
        return table
    }()

    /// The register covering `address`, or `nil` when undefined.
    public static func register(at address: Int) -> VirtualRegister? {
        guard address >= 0, address < size else { return nil }
        return registerAt[address]
    }
}
