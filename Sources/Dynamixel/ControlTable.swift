/// The XL330 / XC330 control table (ROBOTIS e-manual, firmware 46+; the same table drives all 9 Reachy Mini
/// motors), with lookup by address and by name. Names match case-insensitively, ignoring spaces, `_` and `-`:
/// `goal_position`, `Goal Position`, `goal-position` and `GoalPosition` all find Goal Position.
public enum ControlTable {
    /// Every register, in address order.
    public static let registers: [Register] = {
        var all: [Register] = [
            .modelNumber, .modelInformation, .firmwareVersion, .id, .baudRate, .returnDelayTime, .driveMode,
            .operatingMode, .secondaryID, .protocolType, .homingOffset, .movingThreshold, .temperatureLimit,
            .maxVoltageLimit, .minVoltageLimit, .pwmLimit, .currentLimit, .velocityLimit, .maxPositionLimit,
            .minPositionLimit, .startupConfiguration, .pwmSlope, .shutdown, .torqueEnable, .led, .statusReturnLevel,
            .registeredInstruction, .hardwareErrorStatus, .velocityIGain, .velocityPGain, .positionDGain,
            .positionIGain, .positionPGain, .feedforward2ndGain, .feedforward1stGain, .busWatchdog, .goalPWM,
            .goalCurrent, .goalVelocity, .profileAcceleration, .profileVelocity, .goalPosition, .realtimeTick,
            .moving, .movingStatus, .presentPWM, .presentCurrent, .presentVelocity, .presentPosition,
            .velocityTrajectory, .positionTrajectory, .presentInputVoltage, .presentTemperature, .backupReady,
        ]
        all += (1...20).map(Register.indirectAddress)
        all += (1...20).map(Register.indirectData)
        return all.sorted { $0.address < $1.address }
    }()

    private static let byAddress: [UInt16: Register] = Dictionary(
        registers.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
    private static let byName: [String: Register] = {
        var map: [String: Register] = [:]
        for register in registers { map[normalize(register.name)] = register }
        map["shadowid"] = .secondaryID
        map["secondaryid"] = .secondaryID
        return map
    }()

    /// The register that starts at `address`.
    public static func register(at address: UInt16) -> Register? { byAddress[address] }

    /// The register whose bytes include `address` (for naming a byte inside a multi-byte register).
    public static func register(containing address: UInt16) -> Register? {
        registers.last { $0.address <= address && address < $0.address + UInt16($0.size) }
    }

    /// The register named `name` (any case; spaces, `_`, `-` ignored).
    public static func register(named name: String) -> Register? { byName[normalize(name)] }

    /// The name of the register that starts at `address`, if any.
    public static func registerName(at address: UInt16) -> String? { byAddress[address]?.name }

    /// Whether `address…address+length−1` lies on defined registers only (a servo answers Access Error
    /// otherwise).
    public static func isDefined(address: UInt16, length: Int) -> Bool {
        guard length > 0 else { return false }
        return (0..<length).allSatisfy { register(containing: address + UInt16($0)) != nil }
    }

    static func normalize(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

extension Register {
    /// The factory value for a given model (XL330-M288 1200, XL330-M077 1190, XC330-M288 1240), where models
    /// differ; otherwise `defaultValue`.
    public func defaultValue(forModel model: UInt16) -> Int? {
        let perModel: [UInt16: [UInt16: Int]] = [
            0: [1190: 1190, 1240: 1240],
            38: [1240: 2352],
            44: [1190: 1620, 1240: 350],
            63: [1240: 52],
            76: [1190: 400],
            78: [1190: 40, 1240: 50],
            80: [1240: 500],
            82: [1190: 400],
            84: [1240: 1100],
        ]
        if address == 102 { return Register.currentLimit.defaultValue(forModel: model) }
        return perModel[address]?[model] ?? defaultValue
    }

    // MARK: EEPROM (0–63): write only with torque off

    public static let modelNumber = Register(
        "Model Number", address: 0, size: 2, access: .read, default: 1200, summary: "the model (1200 = XL330-M288-T)")
    public static let modelInformation = Register("Model Information", address: 2, size: 4, access: .read)
    public static let firmwareVersion = Register("Firmware Version", address: 6, size: 1, access: .read)
    public static let id = Register(
        "ID", address: 7, size: 1, access: .readWrite, range: 0...252, default: 1, summary: "the motor's bus ID")
    public static let baudRate = Register(
        "Baud Rate", address: 8, size: 1, access: .readWrite, range: 0...6, default: 1,
        summary: "0 = 9600, 1 = 57600, 2 = 115200, 3 = 1M, 4 = 2M, 5 = 3M, 6 = 4M bps")
    public static let returnDelayTime = Register(
        "Return Delay Time", address: 9, size: 1, access: .readWrite, range: 0...254, unit: .returnDelay, default: 250,
        summary: "wait before replying, in 2 µs steps (Reachy Mini: 0)")
    public static let driveMode = Register(
        "Drive Mode", address: 10, size: 1, access: .readWrite, range: 0...13, unit: .bits, default: 0,
        summary: "bit 0 reverse, bit 2 time-based profile, bit 3 torque on by goal update")
    public static let operatingMode = Register(
        "Operating Mode", address: 11, size: 1, access: .readWrite, range: 0...16, allowed: [0, 1, 3, 4, 5, 16],
        default: 3,
        summary: "0 current, 1 velocity, 3 position, 4 extended position, 5 current-based position, 16 PWM")
    public static let secondaryID = Register(
        "Secondary ID", address: 12, size: 1, access: .readWrite, range: 0...255, default: 255,
        summary: "shadow ID (255 = off)")
    public static let protocolType = Register(
        "Protocol Type", address: 13, size: 1, access: .readWrite, range: 2...22, allowed: [2, 22], default: 2)
    public static let homingOffset = Register(
        "Homing Offset", address: 20, size: 4, access: .readWrite, signed: true, range: -1_044_479...1_044_479,
        unit: .pulse, default: 0, summary: "added to the actual position (Reachy Stewart motors: ±1024)")
    public static let movingThreshold = Register(
        "Moving Threshold", address: 24, size: 4, access: .readWrite, range: 0...1023, unit: .velocity, default: 10)
    public static let temperatureLimit = Register(
        "Temperature Limit", address: 31, size: 1, access: .readWrite, range: 0...100, unit: .temperature, default: 70)
    public static let maxVoltageLimit = Register(
        "Max Voltage Limit", address: 32, size: 2, access: .readWrite, range: 31...70, unit: .voltage, default: 70)
    public static let minVoltageLimit = Register(
        "Min Voltage Limit", address: 34, size: 2, access: .readWrite, range: 31...70, unit: .voltage, default: 35)
    public static let pwmLimit = Register(
        "PWM Limit", address: 36, size: 2, access: .readWrite, range: 0...885, unit: .pwm, default: 885)
    public static let currentLimit = Register(
        "Current Limit", address: 38, size: 2, access: .readWrite, range: 0...2352, unit: .current, default: 1750,
        summary: "up to 1750 mA on XL330, 2352 mA on XC330-M288")
    public static let velocityLimit = Register(
        "Velocity Limit", address: 44, size: 4, access: .readWrite, range: 0...2047, unit: .velocity, default: 445)
    public static let maxPositionLimit = Register(
        "Max Position Limit", address: 48, size: 4, access: .readWrite, range: 0...4095, unit: .pulse, default: 4095)
    public static let minPositionLimit = Register(
        "Min Position Limit", address: 52, size: 4, access: .readWrite, range: 0...4095, unit: .pulse, default: 0)
    public static let startupConfiguration = Register(
        "Startup Configuration", address: 60, size: 1, access: .readWrite, range: 0...3, unit: .bits, default: 0,
        summary: "bit 0 torque on at startup, bit 1 restore RAM from the backup")
    public static let pwmSlope = Register(
        "PWM Slope", address: 62, size: 1, access: .readWrite, range: 1...255, unit: .pwmSlope, default: 140)
    public static let shutdown = Register(
        "Shutdown", address: 63, size: 1, access: .readWrite, range: 0...63, unit: .bits, default: 53,
        summary: "hardware errors that turn torque off (bits as Hardware Error Status; Reachy Mini: 52)")

    // MARK: RAM (64 and up)

    public static let torqueEnable = Register(
        "Torque Enable", address: 64, size: 1, access: .readWrite, range: 0...1, default: 0,
        summary: "1 = the motor holds its goal; EEPROM is locked while on")
    public static let led = Register("LED", address: 65, size: 1, access: .readWrite, range: 0...1, default: 0)
    public static let statusReturnLevel = Register(
        "Status Return Level", address: 68, size: 1, access: .readWrite, range: 0...2, default: 2,
        summary: "0 = reply to Ping only, 1 = Ping and reads, 2 = everything")
    public static let registeredInstruction = Register(
        "Registered Instruction", address: 69, size: 1, access: .read, default: 0)
    public static let hardwareErrorStatus = Register(
        "Hardware Error Status", address: 70, size: 1, access: .read, unit: .bits, default: 0,
        summary: "bit 0 input voltage, 2 overheating, 3 motor encoder, 4 electrical shock, 5 overload")
    public static let velocityIGain = Register(
        "Velocity I Gain", address: 76, size: 2, access: .readWrite, range: 0...16383, default: 1600)
    public static let velocityPGain = Register(
        "Velocity P Gain", address: 78, size: 2, access: .readWrite, range: 0...16383, default: 180)
    public static let positionDGain = Register(
        "Position D Gain", address: 80, size: 2, access: .readWrite, range: 0...16383, default: 0)
    public static let positionIGain = Register(
        "Position I Gain", address: 82, size: 2, access: .readWrite, range: 0...16383, default: 0)
    public static let positionPGain = Register(
        "Position P Gain", address: 84, size: 2, access: .readWrite, range: 0...16383, default: 400)
    public static let feedforward2ndGain = Register(
        "Feedforward 2nd Gain", address: 88, size: 2, access: .readWrite, range: 0...16383, default: 0)
    public static let feedforward1stGain = Register(
        "Feedforward 1st Gain", address: 90, size: 2, access: .readWrite, range: 0...16383, default: 0)
    public static let busWatchdog = Register(
        "Bus Watchdog", address: 98, size: 1, access: .readWrite, range: 0...127, unit: .watchdog, default: 0,
        summary: "stop the motor after this many 20 ms steps without communication (0 = off)")
    public static let goalPWM = Register(
        "Goal PWM", address: 100, size: 2, access: .readWrite, signed: true, range: -885...885, unit: .pwm,
        default: 885, summary: "within ±PWM Limit")
    public static let goalCurrent = Register(
        "Goal Current", address: 102, size: 2, access: .readWrite, signed: true, range: -2352...2352, unit: .current,
        default: 1750, summary: "within ±Current Limit")
    public static let goalVelocity = Register(
        "Goal Velocity", address: 104, size: 4, access: .readWrite, signed: true, range: -2047...2047,
        unit: .velocity, default: 0, summary: "within ±Velocity Limit")
    public static let profileAcceleration = Register(
        "Profile Acceleration", address: 108, size: 4, access: .readWrite, range: 0...32767, unit: .acceleration,
        default: 0, summary: "0 = no acceleration limit (ms when Drive Mode bit 2 is set)")
    public static let profileVelocity = Register(
        "Profile Velocity", address: 112, size: 4, access: .readWrite, range: 0...32767, unit: .velocity, default: 0,
        summary: "0 = no profile (ms when Drive Mode bit 2 is set)")
    public static let goalPosition = Register(
        "Goal Position", address: 116, size: 4, access: .readWrite, signed: true, range: -1_048_575...1_048_575,
        unit: .pulse, summary: "target position; in position mode within Min/Max Position Limit")
    public static let realtimeTick = Register(
        "Realtime Tick", address: 120, size: 2, access: .read, range: 0...32767, unit: .millisecond)
    public static let moving = Register("Moving", address: 122, size: 1, access: .read, range: 0...1, default: 0)
    public static let movingStatus = Register(
        "Moving Status", address: 123, size: 1, access: .read, unit: .bits, default: 0,
        summary: "bit 0 in position, bit 1 profile ongoing, bit 3 following error, bits 4-5 profile type")
    public static let presentPWM = Register(
        "Present PWM", address: 124, size: 2, access: .read, signed: true, unit: .pwm)
    public static let presentCurrent = Register(
        "Present Current", address: 126, size: 2, access: .read, signed: true, unit: .current)
    public static let presentVelocity = Register(
        "Present Velocity", address: 128, size: 4, access: .read, signed: true, unit: .velocity)
    public static let presentPosition = Register(
        "Present Position", address: 132, size: 4, access: .read, signed: true, unit: .pulse,
        summary: "current position, homing offset included")
    public static let velocityTrajectory = Register(
        "Velocity Trajectory", address: 136, size: 4, access: .read, signed: true, unit: .velocity)
    public static let positionTrajectory = Register(
        "Position Trajectory", address: 140, size: 4, access: .read, signed: true, unit: .pulse)
    public static let presentInputVoltage = Register(
        "Present Input Voltage", address: 144, size: 2, access: .read, unit: .voltage)
    public static let presentTemperature = Register(
        "Present Temperature", address: 146, size: 1, access: .read, unit: .temperature)
    public static let backupReady = Register("Backup Ready", address: 147, size: 1, access: .read, range: 0...1)

    /// Indirect Address `n` (1–20): which address Indirect Data `n` mirrors (default 208 + n − 1).
    public static func indirectAddress(_ n: Int) -> Register {
        Register(
            "Indirect Address \(n)", address: UInt16(168 + 2 * (n - 1)), size: 2, access: .readWrite, range: 64...227,
            default: 207 + n, summary: "the address Indirect Data \(n) mirrors")
    }

    /// Indirect Data `n` (1–20), at 208 + n − 1.
    public static func indirectData(_ n: Int) -> Register {
        Register(
            "Indirect Data \(n)", address: UInt16(208 + n - 1), size: 1, access: .readWrite, default: 0,
            summary: "reads and writes the address held in Indirect Address \(n)")
    }
}
