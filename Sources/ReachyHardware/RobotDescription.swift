import Foundation

/// The Reachy Mini's hardware as data: its motors and their EEPROM settings, the bus, and the audio card.
///
/// Loaded from `hardware/reachy-mini.json`. Values come from Pollen's `hardware_config.yaml`, the URDF and the
/// ROBOTIS e-manual (the file's `sources` list says which). `validate()` checks them against the servo's
/// ranges, so a typo cannot send an out-of-range limit to a motor.
public struct RobotDescription: Codable, Hashable, Sendable {
    public var name: String
    public var sources: [String]
    public var bus: BusSettings
    public var audio: AudioSettings
    /// In the canonical wire order: body, Stewart 1–6, right antenna, left antenna.
    public var motors: [MotorDescription]

    /// The motor with that Dynamixel ID.
    public func motor(id: Int) -> MotorDescription? { motors.first { Int($0.id) == id } }
    /// The motor with that name (`body_rotation`, `stewart_1`, …).
    public func motor(named name: String) -> MotorDescription? { motors.first { $0.name == name } }

    /// Reads and validates a description file.
    public static func load(from url: URL) throws(RobotDescriptionError) -> RobotDescription {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, message: error.localizedDescription)
        }
        return try decode(data, path: url.path)
    }

    /// Decodes and validates description JSON; `path` names the source in errors.
    public static func decode(_ data: Data, path: String = "robot description") throws(RobotDescriptionError)
        -> RobotDescription
    {
        let description: RobotDescription
        do {
            description = try JSONDecoder().decode(RobotDescription.self, from: data)
        } catch let error as DecodingError {
            throw .malformed(path: path, message: Self.explain(error))
        } catch {
            throw .malformed(path: path, message: "\(error)")
        }
        let problems = description.validate()
        guard problems.isEmpty else { throw .invalid(path: path, problems: problems) }
        return description
    }

    /// Everything wrong with the values, one sentence each; empty when the description is usable.
    public func validate() -> [String] {
        var problems: [String] = []
        if !BaudRate.dynamixelRates.contains(bus.baudRate) {
            problems.append("bus.baudRate \(bus.baudRate) is not a Dynamixel rate (\(BaudRate.dynamixelRates))")
        }
        if motors.isEmpty { problems.append("no motors are listed") }
        var seenIDs: Set<UInt8> = []
        var seenNames: Set<String> = []
        for motor in motors {
            problems += motor.validate()
            if !seenIDs.insert(motor.id).inserted { problems.append("motor ID \(motor.id) is used twice") }
            if !seenNames.insert(motor.name).inserted { problems.append("motor name \(motor.name) is used twice") }
        }
        return problems
    }

    private static func explain(_ error: DecodingError) -> String {
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "" : " at \(path.hasPrefix(".") ? String(path.dropFirst()) : path)"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\"\(at(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription)\(at(context))"
        @unknown default:
            return "\(error)"
        }
    }
}

/// Serial bus settings of the robot.
public struct BusSettings: Codable, Hashable, Sendable {
    public var `protocol`: String
    public var baudRate: Int
    /// What the servos' Baud Rate register (address 8) holds for `baudRate`.
    public var baudRateRegisterValue: UInt8
    public var dataBits: Int
    public var parity: String
    public var stopBits: Int
    public var readTimeoutMilliseconds: Int
    /// The USB-serial adapter of the Lite model.
    public var adapter: USBID
    public var linuxDevice: String
    /// The stable name the udev rule in `hardware/99-reachy-mini.rules` creates.
    public var udevSymlink: String
    /// The motor UART of the Wireless model.
    public var wirelessUART: String
    public var factoryDefaults: FactoryDefaults

    /// A new servo's ID and speed, before setup.
    public struct FactoryDefaults: Codable, Hashable, Sendable {
        public var id: UInt8
        public var baudRate: Int
    }
}

/// The robot's audio board as ALSA and USB see it.
public struct AudioSettings: Codable, Hashable, Sendable {
    public var cardName: String
    public var alsaID: String
    public var legacyCardName: String
    public var usb: USBID
    public var sampleRate: Int
    public var channels: Int
}

/// One servo: identity, model and the EEPROM/RAM settings the robot expects.
public struct MotorDescription: Codable, Hashable, Sendable {
    public var name: String
    public var id: UInt8
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

    /// Problems with this motor's values, one sentence each.
    public func validate() -> [String] {
        var problems: [String] = []
        let who = "motor \(name) (ID \(id))"
        if id > 252 { problems.append("\(who): ID must be 0…252") }
        if positionLimits.min < 0 || positionLimits.max > 4095 || positionLimits.min > positionLimits.max {
            problems.append(
                "\(who): position limits \(positionLimits.min)…\(positionLimits.max) must lie in 0…4095, min ≤ max")
        }
        if operatingMode == 3, abs(homingOffset) > 1024 {
            problems.append("\(who): homing offset \(homingOffset) is outside ±1024, the valid range in position mode")
        }
        if jointLimitsDegrees.min > jointLimitsDegrees.max {
            problems.append("\(who): joint limits \(jointLimitsDegrees.min)…\(jointLimitsDegrees.max)° are reversed")
        }
        for (gain, value) in [("P", pid.p), ("I", pid.i), ("D", pid.d)] where value > 16_383 {
            problems.append("\(who): \(gain) gain \(value) exceeds 16383")
        }
        if ![0, 1, 3, 4, 5, 16].contains(operatingMode) {
            problems.append("\(who): operating mode \(operatingMode) is not one of 0, 1, 3, 4, 5, 16")
        }
        if returnDelayTime > 254 { problems.append("\(who): return delay \(returnDelayTime) exceeds 254") }
        if shutdown & ~0x3D != 0 {
            problems.append("\(who): shutdown \(shutdown) sets bits other than 0, 2, 3, 4, 5")
        }
        return problems
    }
}

/// A servo model: its name and the Model Number register (address 0) value.
public struct MotorModel: Codable, Hashable, Sendable {
    public var name: String
    public var number: UInt16
    /// Where the number comes from, and how sure it is.
    public var note: String?
}

/// Position gains as written to addresses 84 (P), 82 (I), 80 (D).
public struct PIDGains: Codable, Hashable, Sendable {
    public var p: UInt16
    public var i: UInt16
    public var d: UInt16
}

/// A raw position range in pulses (4096 per turn, 2048 = centre).
public struct RawPositionRange: Codable, Hashable, Sendable {
    public var min: Int32
    public var max: Int32
}

/// A joint range in degrees.
public struct DegreeRange: Codable, Hashable, Sendable {
    public var min: Double
    public var max: Double
}

/// Why a robot description could not be used.
public enum RobotDescriptionError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, message: String)
    case malformed(path: String, message: String)
    case invalid(path: String, problems: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let message):
            return "Cannot read the robot description \(path): \(message). Check the path."
        case .malformed(let path, let message):
            return "The robot description \(path) is not valid JSON for a robot: \(message). Fix the file."
        case .invalid(let path, let problems):
            return
                "The robot description \(path) has impossible values: \(problems.joined(separator: "; ")). Fix the file."
        }
    }
}

extension RobotDescription {
    /// The Reachy Mini as it leaves the factory: `hardware/reachy-mini.json`, bundled with the library.
    public static func reachyMini() throws(RobotDescriptionError) -> RobotDescription {
        guard let url = Bundle.module.url(forResource: "reachy-mini", withExtension: "json") else {
            throw .unreadable(path: "reachy-mini.json", message: "the bundled robot description is missing; reinstall")
        }
        return try load(from: url)
    }
}
