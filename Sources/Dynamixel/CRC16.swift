/// The Protocol 2.0 checksum: CRC-16/BUYPASS (polynomial 0x8005, initial value 0, not reflected, no final xor),
/// table-driven. It covers every byte of a packet from the first `FF` to the last parameter, in stuffed form.
public enum CRC16 {
    /// The 256-entry lookup table, generated from the polynomial (equal to the ROBOTIS SDK's literal table).
    public static let table: [UInt16] = (0..<256).map { index in
        var crc = UInt16(index) << 8
        for _ in 0..<8 {
            crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x8005 : crc << 1
        }
        return crc
    }

    /// Continues a running checksum with `bytes`.
    @inlinable
    public static func update<Bytes: Sequence<UInt8>>(_ crc: UInt16, with bytes: Bytes) -> UInt16 {
        var crc = crc
        table.withUnsafeBufferPointer { table in
            for byte in bytes {
                let index = Int(UInt8(truncatingIfNeeded: crc >> 8) ^ byte)
                crc = (crc << 8) ^ table[index]
            }
        }
        return crc
    }

    /// The checksum of `bytes`, starting from zero.
    @inlinable
    public static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt16 {
        update(0, with: bytes)
    }
}
