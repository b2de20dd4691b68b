/// One item of the X330 control table as the simulator enforces it: where it is, how wide, who may write it,
/// and which values it accepts (dynamixel.md §2).
public struct VirtualRegister: Hashable, Sendable, CustomStringConvertible {
    /// Who may write the register.
    public enum Access: Hashable, Sendable {
        case readOnly
        case readWrite
    }

    /// How a written value is checked.
    public enum Check: Hashable, Sendable {
        /// Any value.
        case none
        /// Outside `min...max` is a Data Range Error (4).
        case range(Int64, Int64)
        /// One of these values, else Data Range Error (4).
        case oneOf([Int64])
        /// Checked against other registers (configured limits), else Data Limit Error (6).
        case limit
    }

    public var name: String
    public var address: Int
    public var size: Int
    public var access: Access
    public var signed: Bool
    public var check: Check

    public init(
        _ name: String, _ address: Int, _ size: Int, _ access: Access = .readWrite, signed: Bool = false,
        _ check: Check = .none
    ) {
        self.name = name
        self.address = address
        self.size = size
        self.access = access
        self.signed = signed
        self.check = check
    }

    /// A writable register whose values are checked by `check`.
    public init(_ name: String, _ address: Int, _ size: Int, signed: Bool = false, _ check: Check) {
        self.init(name, address, size, .readWrite, signed: signed, check)
    }

    /// Whether the register is in EEPROM (addresses 0–63), locked while torque is on.
    public var isEEPROM: Bool { address < 64 }

    /// The addresses it covers.
    public var addresses: Range<Int> { address..<(address + size) }

    public var description: String { "\(name) (address \(address), \(size) byte\(size == 1 ? "" : "s"))" }

    /// The value encoded by `bytes` (little-endian, two's complement when signed).
    public func decode(_ bytes: ArraySlice<UInt8>) -> Int64 {
        var raw: UInt64 = 0
        for (shift, byte) in bytes.enumerated() { raw |= UInt64(byte) << (8 * UInt64(shift)) }
        return signExtended(raw)
    }

    /// `raw` (the register's little-endian bytes as a number) as a value: two's complement when signed.
    func signExtended(_ raw: UInt64) -> Int64 {
        guard signed, size < 8 else { return Int64(bitPattern: raw) }
        let bits = UInt64(size * 8)
        let signBit: UInt64 = 1 << (bits - 1)
        return raw & signBit != 0 ? Int64(bitPattern: raw | ~((1 << bits) - 1)) : Int64(raw)
    }

    /// The little-endian bytes of `value`, truncated to the register's size.
    public func encode(_ value: Int64) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * Int64($0))) }
    }
}
