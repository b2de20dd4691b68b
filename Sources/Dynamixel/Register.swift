/// One item of the XL330/XC330 control table: where it lives, how big it is, who may write it, and what its
/// raw value means. Values are little-endian on the wire; signed registers are two's complement.
///
/// ```swift
/// let goal = Register.goalPosition                      // address 116, 4 bytes, signed, pulse
/// let bytes = try goal.encodeForWrite(2113)            // [0x41, 0x08, 0x00, 0x00]
/// let value = Register.presentPosition.value(from: reply)   // Int?
/// ControlTable.register(named: "goal-position")         // same as "Goal Position" or "goal_position"
/// ```
public struct Register: Hashable, Sendable, CustomStringConvertible {
    /// Who may access the register.
    public enum Access: String, Hashable, Sendable {
        /// Read only.
        case read = "R"
        /// Read and write.
        case readWrite = "RW"
    }

    /// Where the register is stored.
    public enum Area: String, Hashable, Sendable {
        /// Addresses 0–63: kept across power cycles, writable only while Torque Enable is 0.
        case eeprom = "EEPROM"
        /// Addresses 64 and up: reset at power-on.
        case ram = "RAM"
    }

    /// The e-manual's name, e.g. "Goal Position".
    public let name: String
    public let address: UInt16
    /// Size in bytes: 1, 2 or 4.
    public let size: Int
    public let access: Access
    /// Whether the raw value is two's-complement signed.
    public let isSigned: Bool
    /// The values a write may carry (nil: anything that fits in `size`).
    public let range: ClosedRange<Int>?
    /// When only some values in `range` are valid (Operating Mode, Protocol Type).
    public let allowedValues: [Int]?
    public let unit: RegisterUnit
    /// The factory value on an XL330-M288-T (nil when it has none, e.g. Goal Position).
    public let defaultValue: Int?
    /// What the register does, for `reachy read`/`reachy write` help.
    public let summary: String

    public init(
        _ name: String, address: UInt16, size: Int, access: Access, signed: Bool = false,
        range: ClosedRange<Int>? = nil, allowed: [Int]? = nil, unit: RegisterUnit = .none,
        default defaultValue: Int? = nil,
        summary: String = ""
    ) {
        self.name = name
        self.address = address
        self.size = size
        self.access = access
        self.isSigned = signed
        self.range = range
        self.allowedValues = allowed
        self.unit = unit
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// EEPROM (addresses 0–63) or RAM.
    public var area: Area { address < 64 ? .eeprom : .ram }

    /// Whether a write needs Torque Enable = 0 first (writable EEPROM registers); otherwise the servo answers
    /// Access Error.
    public var requiresTorqueOff: Bool { area == .eeprom && access == .readWrite }

    /// The snake_case key used by the CLI and JSON output, e.g. `goal_position`.
    public var key: String {
        var out = ""
        var pendingSeparator = false
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSeparator, !out.isEmpty { out.append("_") }
                pendingSeparator = false
                out.append(character)
            } else {
                pendingSeparator = true
            }
        }
        return out
    }

    /// The smallest and largest raw values the register's size can hold.
    public var representableRange: ClosedRange<Int> {
        let bits = size * 8
        return isSigned ? -(1 << (bits - 1))...((1 << (bits - 1)) - 1) : 0...((1 << bits) - 1)
    }

    /// The raw value held in `bytes` (little-endian, sign-extended when signed), or nil for the wrong size.
    public func value(from bytes: [UInt8]) -> Int? {
        guard bytes.count == size else { return nil }
        var raw: UInt64 = 0
        for (index, byte) in bytes.enumerated() { raw |= UInt64(byte) << (8 * UInt64(index)) }
        if isSigned, size < 8, raw & (1 << (UInt64(size) * 8 - 1)) != 0 {
            return Int(raw) - (1 << (size * 8))
        }
        return Int(raw)
    }

    /// The little-endian bytes of `value`, truncated to the register's size (for a servo or simulator filling
    /// its table; writes should use `encodeForWrite`).
    public func bytes(of value: Int) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// Checks that the host may write `value` here: the register is writable and the value is in range.
    public func checkWritable(_ value: Int) throws(RegisterValueError) {
        guard access == .readWrite else { throw .readOnly(register: name) }
        let allowed = range ?? representableRange
        guard allowed.contains(value), representableRange.contains(value) else {
            throw .outOfRange(register: name, value: value, range: allowed)
        }
        if let allowedValues, !allowedValues.contains(value) {
            throw .notAllowed(register: name, value: value, allowed: allowedValues)
        }
    }

    /// The bytes to write for `value`, after `checkWritable`.
    public func encodeForWrite(_ value: Int) throws(RegisterValueError) -> [UInt8] {
        try checkWritable(value)
        return bytes(of: value)
    }

    /// A raw value in the register's physical unit (`unit.symbol`).
    public func physical(_ raw: Int) -> Double { unit.physical(raw) }

    public var description: String {
        "\(name) (address \(address), \(size) byte\(size == 1 ? "" : "s"), \(access.rawValue), \(area.rawValue))"
    }
}

/// Why a value cannot be written to a register; nothing was sent.
public enum RegisterValueError: Error, Hashable, Sendable, CustomStringConvertible {
    case readOnly(register: String)
    case outOfRange(register: String, value: Int, range: ClosedRange<Int>)
    case notAllowed(register: String, value: Int, allowed: [Int])

    public var description: String {
        switch self {
        case .readOnly(let register):
            "\(register) is read-only; it cannot be written."
        case .outOfRange(let register, let value, let range):
            "\(value) is outside the range of \(register) (\(range.lowerBound) to \(range.upperBound)); choose a value in range."
        case .notAllowed(let register, let value, let allowed):
            "\(value) is not a valid \(register); use one of \(allowed.map(String.init).joined(separator: ", "))."
        }
    }
}
