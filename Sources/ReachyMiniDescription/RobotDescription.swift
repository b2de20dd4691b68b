import Dynamixel
public import Foundation

/// The Reachy Mini's hardware as data: its motors and their EEPROM settings, the bus, and the audio card.
///
/// The one source of these facts for every module: the hardware layer checks a real robot against it, the simulator
/// builds its virtual servos from it, and the motion layer takes its motor table and limits from it. The bundled copy
/// is this target's resource `Resources/reachy-mini.json`; `hardware/reachy-mini.json` is the same file for people
/// (a test keeps the two byte-identical). Values come from Pollen's `hardware_config.yaml`, the URDF and the ROBOTIS
/// e-manual (the file's `sources` list says which). `validate()` checks them against the servo's ranges, so a typo
/// cannot send an out-of-range limit to a motor.
public struct RobotDescription: Codable, Hashable, Sendable {
    /// The robot's name ("Reachy Mini").
    public var name: String
    /// Where each group of values comes from, one sentence each.
    public var sources: [String]
    /// The motor bus.
    public var bus: BusSettings
    /// The audio board.
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
        if !DynamixelBaudRate.rates.contains(bus.baudRate) {
            problems.append("bus.baudRate \(bus.baudRate) is not a Dynamixel rate (\(DynamixelBaudRate.rates))")
        } else if DynamixelBaudRate.rate(forRegisterValue: Int(bus.baudRateRegisterValue)) != bus.baudRate {
            problems.append(
                "bus.baudRateRegisterValue \(bus.baudRateRegisterValue) does not select \(bus.baudRate) bps "
                    + "(it should be \(DynamixelBaudRate.registerValue(forRate: bus.baudRate) ?? 0))")
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
