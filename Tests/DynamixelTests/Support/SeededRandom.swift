import Dynamixel

/// A small deterministic generator (SplitMix64) so property tests are reproducible: the same seed gives the
/// same cases on every run and machine.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A byte, biased toward the values that matter to stuffing and framing (FF, FD, 00).
    mutating func biasedByte() -> UInt8 {
        switch Int.random(in: 0..<10, using: &self) {
        case 0..<4: 0xFF
        case 4..<7: 0xFD
        case 7: 0x00
        default: UInt8.random(in: 0...255, using: &self)
        }
    }

    mutating func biasedBytes(count: Int) -> [UInt8] { (0..<count).map { _ in biasedByte() } }

    /// A random well-formed packet (instruction or status) whose parameters often need stuffing.
    mutating func packet() -> Packet {
        let id = UInt8.random(in: 0...PacketFraming.maxDeviceID, using: &self)
        let data = biasedBytes(count: Int.random(in: 0...12, using: &self))
        if Bool.random(using: &self) {
            return .status(StatusPacket(id: id, error: StatusError(rawValue: biasedByte() & 0x87), parameters: data))
        }
        let request: Request =
            switch Int.random(in: 0..<4, using: &self) {
            case 0: .ping
            case 1: .read(address: UInt16(biasedByte()), length: UInt16.random(in: 1...4, using: &self))
            case 2: .write(address: UInt16(biasedByte()) | UInt16(biasedByte()) << 8, data: data + [biasedByte()])
            default:
                .syncWrite(
                    address: 116, length: 4,
                    entries: (0..<Int.random(in: 1...3, using: &self)).map { _ in
                        SyncWriteEntry(id: biasedByte(), data: biasedBytes(count: 4))
                    })
            }
        return .instruction(InstructionPacket(id: id, request: request))
    }
}
