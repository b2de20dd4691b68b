import Dynamixel
import Foundation

@testable import ReachySimulator

/// A minimal host written for these tests with the codec only (independent of the simulator): send one packet,
/// collect every status packet that comes back.
struct TestHost {
    let transport: any ByteTransport

    /// Sends `packet` and returns the status packets received within `timeout` (the loopback answers at once).
    func transact(_ packet: InstructionPacket, timeout: Duration = .milliseconds(50), expecting count: Int = .max)
        throws -> [StatusPacket]
    {
        try transport.flushInput()
        try transport.write(packet.encoded())
        return try collect(timeout: timeout, expecting: count)
    }

    func collect(timeout: Duration, expecting count: Int) throws -> [StatusPacket] {
        var decoder = PacketDecoder()
        var replies: [StatusPacket] = []
        let deadline = ContinuousClock.now + timeout
        while replies.count < count {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { break }
            let bytes = try transport.read(maxCount: 1024, timeout: remaining)
            if bytes.isEmpty {
                if transport is LoopbackTransport { break }
                continue
            }
            decoder.append(bytes)
            while let result = decoder.next() {
                if case .success(.status(let status)) = result { replies.append(status) }
            }
        }
        return replies
    }

    /// Sends raw bytes and returns the raw reply bytes (loopback only).
    func raw(_ bytes: [UInt8]) throws -> [UInt8] {
        try transport.write(bytes)
        var out: [UInt8] = []
        while true {
            let chunk = try transport.read(maxCount: 4096, timeout: .zero)
            if chunk.isEmpty { return out }
            out += chunk
        }
    }

    func request(_ id: UInt8, _ request: Request) throws -> [StatusPacket] {
        try transact(InstructionPacket(id: id, request: request))
    }

    /// Writes `value` as `size` little-endian bytes; returns the status (nil when there was none).
    func write(_ id: UInt8, _ address: UInt16, _ value: Int64, size: Int) throws -> StatusPacket? {
        try request(id, .write(address: address, data: le(value, size))).first
    }

    /// Reads `size` bytes at `address` as a little-endian value: signed for 4-byte registers, unsigned otherwise.
    func read(_ id: UInt8, _ address: UInt16, size: Int) throws -> (error: StatusError, value: Int64?)? {
        guard let reply = try request(id, .read(address: address, length: UInt16(size))).first else { return nil }
        guard reply.parameters.count == size else { return (reply.error, nil) }
        return (reply.error, size == 4 ? signed(reply.parameters) : Int64(signed(reply.parameters + [0])))
    }
}

func le(_ value: Int64, _ size: Int) -> [UInt8] {
    (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * Int64($0))) }
}

func signed(_ bytes: [UInt8]) -> Int64 {
    var raw: UInt64 = 0
    for (index, byte) in bytes.enumerated() { raw |= UInt64(byte) << (8 * UInt64(index)) }
    let bits = UInt64(bytes.count * 8)
    guard bits < 64, bits > 0, raw & (1 << (bits - 1)) != 0 else { return Int64(bitPattern: raw) }
    return Int64(bitPattern: raw | ~((1 << bits) - 1))
}

func hex(_ text: String) -> [UInt8] {
    text.split(separator: " ").compactMap { UInt8($0, radix: 16) }
}

/// A fresh factory robot on a virtual clock, with a loopback host.
func makeRobot(seed: UInt64 = 0, faults: SimulatorFaults = SimulatorFaults(), interByteTimeout: Duration? = nil) -> (
    VirtualReachyMini, VirtualClock, TestHost
) {
    let clock = VirtualClock()
    let robot = VirtualReachyMini(clock: clock, seed: seed, faults: faults, interByteTimeout: interByteTimeout)
    return (robot, clock, TestHost(transport: robot.makeTransport()))
}

/// Register addresses used by the tests, written out from the e-manual table (not taken from the simulator).
enum Address {
    static let modelNumber: UInt16 = 0
    static let firmware: UInt16 = 6
    static let id: UInt16 = 7
    static let baudRate: UInt16 = 8
    static let returnDelay: UInt16 = 9
    static let driveMode: UInt16 = 10
    static let operatingMode: UInt16 = 11
    static let homingOffset: UInt16 = 20
    static let maxPositionLimit: UInt16 = 48
    static let minPositionLimit: UInt16 = 52
    static let shutdown: UInt16 = 63
    static let torqueEnable: UInt16 = 64
    static let led: UInt16 = 65
    static let statusReturnLevel: UInt16 = 68
    static let registeredInstruction: UInt16 = 69
    static let hardwareError: UInt16 = 70
    static let positionDGain: UInt16 = 80
    static let positionPGain: UInt16 = 84
    static let goalPWM: UInt16 = 100
    static let goalCurrent: UInt16 = 102
    static let profileAcceleration: UInt16 = 108
    static let profileVelocity: UInt16 = 112
    static let goalPosition: UInt16 = 116
    static let moving: UInt16 = 122
    static let movingStatus: UInt16 = 123
    static let presentVelocity: UInt16 = 128
    static let presentPosition: UInt16 = 132
    static let presentInputVoltage: UInt16 = 144
    static let presentTemperature: UInt16 = 146
}
