/// The error byte of a status packet: the Alert bit (bit 7: the device has a hardware error, see Hardware Error
/// Status at address 70) and an error *number* in bits 0–6. The number is not a bit field.
public struct StatusError: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A status byte with the given alert flag and error number.
    public init(alert: Bool = false, error: ProtocolError? = nil) {
        rawValue = (alert ? 0x80 : 0) | (error?.rawValue ?? 0)
    }

    /// No alert, no error.
    public static let ok = StatusError(rawValue: 0)

    /// The device reports a hardware error; read Hardware Error Status (70) to see which.
    public var alert: Bool { rawValue & 0x80 != 0 }

    /// The raw error number (0 when the instruction succeeded).
    public var number: UInt8 { rawValue & 0x7F }

    /// The decoded error number, `nil` when the instruction succeeded. Unknown numbers decode to `.unknown`.
    public var error: ProtocolError? {
        number == 0 ? nil : ProtocolError(rawValue: number) ?? .unknown
    }

    public var description: String {
        var parts: [String] = []
        if let error { parts.append(error.description) }
        if alert { parts.append("hardware alert") }
        return parts.isEmpty ? "ok" : parts.joined(separator: ", ")
    }
}

/// The error numbers a status packet can carry (bits 0–6 of the error byte).
public enum ProtocolError: UInt8, Error, Sendable, CaseIterable, CustomStringConvertible {
    case resultFail = 1
    case instructionError = 2
    case crcError = 3
    case dataRangeError = 4
    case dataLengthError = 5
    case dataLimitError = 6
    case accessError = 7
    /// A number the protocol does not define (8–127).
    case unknown = 127

    public var description: String {
        switch self {
        case .resultFail: "Result Fail: the servo could not carry out the instruction"
        case .instructionError: "Instruction Error: unknown instruction, or Action without a Reg Write"
        case .crcError: "CRC Error: the servo received a corrupted packet"
        case .dataRangeError: "Data Range Error: the value is outside the register's range"
        case .dataLengthError: "Data Length Error: the data is shorter than the register"
        case .dataLimitError: "Data Limit Error: the value is outside the configured limit"
        case .accessError:
            "Access Error: read-only or undefined address, or an EEPROM write while torque is on (turn torque off first)"
        case .unknown: "an undefined error number"
        }
    }
}
