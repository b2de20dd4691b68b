import Dynamixel
import Foundation
import ReachySimulator
import ReachyTestSupport

/// Benchmarks of the simulator: how many servo-bus transactions it answers per second in process, and the round
/// trip of a 9-servo Sync Read + Sync Write over the pty as a raw termios client sees it.
public enum SimulatorBenchmarks {
    /// Runs every benchmark; `transactions` sets the in-process count, `roundTrips` the pty count.
    public static func run(transactions: Int = 20_000, roundTrips: Int = 2_000) throws -> [BenchmarkResult] {
        try inProcess(transactions: transactions) + pty(roundTrips: roundTrips)
    }

    static let ids = Array(UInt8(10)...18)
    static let syncRead = InstructionPacket(id: 0xFE, request: .syncRead(address: 132, length: 4, ids: ids)).encoded()
    static let syncWrite = InstructionPacket(
        id: 0xFE,
        request: .syncWrite(
            address: 116, length: 4,
            entries: ids.map { SyncWriteEntry(id: $0, data: [0x00, 0x08, 0x00, 0x00]) })
    ).encoded()

    /// Transactions per second through the deterministic loopback (decode, handle, encode, host decode).
    public static func inProcess(transactions: Int) throws -> [BenchmarkResult] {
        let robot = VirtualReachyMini()
        let transport = robot.makeTransport()
        let start = ContinuousClock.now
        var decoded = 0
        var decoder = PacketDecoder()
        for index in 0..<transactions {
            try transport.write(index % 2 == 0 ? syncRead : syncWrite)
            decoder.append(try transport.read(maxCount: 4096, timeout: .zero))
            while case .success? = decoder.next() { decoded += 1 }
        }
        let elapsed = (ContinuousClock.now - start).inSeconds
        guard decoded == (transactions + 1) / 2 * 9 else {
            throw BenchmarkError.wrongReplyCount(expected: (transactions + 1) / 2 * 9, received: decoded)
        }
        return [
            BenchmarkResult(
                name: "in-process transactions (9-servo sync read / sync write, alternating)",
                value: Double(transactions) / elapsed, unit: "/s")
        ]
    }

    /// Median and p99 of a 9-servo Sync Read (waiting for all 9 statuses) followed by a Sync Write, over the pty.
    public static func pty(roundTrips: Int) throws -> [BenchmarkResult] {
        let robot = VirtualReachyMini(clock: MonotonicClock(), interByteTimeout: PtySimulatorServer.interByteTimeout)
        let server = try PtySimulatorServer(bus: robot.bus)
        server.start()
        defer { server.stop() }
        let client = try RawTermiosClient(path: server.devicePath)
        defer { client.close() }
        var samples: [Double] = []
        samples.reserveCapacity(roundTrips)
        for _ in 0..<(roundTrips + 50) {
            let start = ContinuousClock.now
            try client.write(syncRead)
            var decoder = PacketDecoder()
            var statuses = 0
            while statuses < 9 {
                let bytes = try client.read(maxCount: 4096, timeout: .milliseconds(100))
                guard !bytes.isEmpty else { throw BenchmarkError.timeout }
                decoder.append(bytes)
                while case .success? = decoder.next() { statuses += 1 }
            }
            try client.write(syncWrite)
            samples.append((ContinuousClock.now - start).inSeconds * 1e6)
        }
        let measured = Array(samples.dropFirst(50)).sorted()
        func percentile(_ p: Double) -> Double { measured[min(measured.count - 1, Int(Double(measured.count) * p))] }
        return [
            BenchmarkResult(
                name: "pty 9-servo sync read + sync write",
                figures: [.init("median", percentile(0.5), "µs"), .init("p99", percentile(0.99), "µs")],
                note: "\(measured.count) round trips")
        ]
    }
}

/// A benchmark that could not measure.
public enum BenchmarkError: Error, CustomStringConvertible {
    case timeout
    case wrongReplyCount(expected: Int, received: Int)

    public var description: String {
        switch self {
        case .timeout: "the simulator did not answer within 100 ms; is the machine overloaded?"
        case .wrongReplyCount(let expected, let received): "expected \(expected) status packets, decoded \(received)"
        }
    }
}
