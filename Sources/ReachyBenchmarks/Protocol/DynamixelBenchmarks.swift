import Dynamixel

/// Throughput of the protocol layer on this machine: what one control-loop tick costs in CPU, without any I/O.
/// Build in release mode for meaningful numbers (`swift build -c release`, then `reachy bench`).
public enum DynamixelBenchmarks {
    /// Runs every benchmark. `scale` multiplies the iteration counts (1 takes about a second in release mode).
    public static func run(scale: Double = 1) -> [BenchmarkResult] {
        let iterations = max(1, Int(20_000 * scale))
        return [
            syncWriteRoundTrip(iterations: iterations),
            syncReadRepliesRoundTrip(iterations: iterations),
            fastSyncReadReplyRoundTrip(iterations: iterations),
            busSyncRead(iterations: max(1, iterations / 4)),
        ]
    }

    /// The nine goal positions of a tick (around the middle of the range, one that needs stuffing).
    static let goals: [UInt8: [UInt8]] = Dictionary(
        uniqueKeysWithValues: (UInt8(10)...18).map { id in
            let value = id == 14 ? -33_554_688 : 2048 + Int(id) * 37
            return (id, Register.goalPosition.bytes(of: value))
        })

    private static func measure(
        _ name: String, iterations: Int, packets: Int, expecting expected: Int, _ body: () -> Int
    ) -> BenchmarkResult {
        let isValid = body() == expected
        var sink = 0
        for _ in 0..<min(iterations, 500) { sink &+= body() }  // warm-up
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<iterations { sink &+= body() }
        let elapsed = start.duration(to: clock.now)
        let seconds = elapsed.inSeconds
        blackHole(sink)
        let perSecond = seconds > 0 ? Double(iterations) / seconds : 0
        return BenchmarkResult(
            name: name,
            figures: [
                .init("", perSecond, "/s"), .init("each", seconds * 1e6 / Double(iterations), "µs"),
                .init("packets", perSecond * Double(packets), "/s"),
            ],
            note: "\(iterations) runs", isValid: isValid)
    }

    @inline(never)
    static func blackHole(_ value: Int) {
        if value == Int.min { print("") }
    }

    /// Encode a 9-servo Sync Write of Goal Position, then decode it back to a typed request.
    static func syncWriteRoundTrip(iterations: Int) -> BenchmarkResult {
        let entries = goals.keys.sorted().map { SyncWriteEntry(id: $0, data: goals[$0] ?? []) }
        return measure("encode+decode sync write, 9 servos", iterations: iterations, packets: 1, expecting: 9) {
            let bytes = InstructionPacket(
                id: PacketFraming.broadcastID, request: .syncWrite(address: 116, length: 4, entries: entries)
            ).encoded()
            var decoder = PacketDecoder()
            decoder.append(bytes)
            guard case .success(.instruction(let packet))? = decoder.next(),
                case .success(.syncWrite(_, _, let decoded)) = packet.request()
            else { return 0 }
            return decoded.count
        }
    }

    /// Encode the 9 status packets answering a Sync Read of Present Position, then decode them all.
    static func syncReadRepliesRoundTrip(iterations: Int) -> BenchmarkResult {
        let ids = goals.keys.sorted()
        return measure(
            "encode+decode sync read reply, 9 status packets", iterations: iterations, packets: 9, expecting: 36
        ) {
            var stream: [UInt8] = []
            stream.reserveCapacity(160)
            for id in ids { stream += StatusPacket(id: id, parameters: goals[id] ?? []).encoded() }
            var decoder = PacketDecoder()
            decoder.append(stream)
            var count = 0
            while case .success(.status(let status))? = decoder.next() { count += status.parameters.count }
            return count
        }
    }

    /// Encode the combined Fast Sync Read reply of 9 servos, then parse it per motor.
    static func fastSyncReadReplyRoundTrip(iterations: Int) -> BenchmarkResult {
        let ids = goals.keys.sorted()
        let expectations = ids.map { FastReadReply.Expectation(id: $0, length: 4) }
        return measure(
            "encode+parse fast sync read reply, 9 servos", iterations: iterations, packets: 1, expecting: 9
        ) {
            let bytes = FastReadReply.encode(ids.map { FastReadReply.Block(id: $0, data: goals[$0] ?? []) })
            return FastReadReply.parse(raw: bytes, expecting: expectations).values.count { (try? $0.get()) != nil }
        }
    }

    /// A whole `ServoBus.syncRead` of 9 servos over an in-process loopback with a canned reply: the host-side
    /// cost of one control-loop read, without the wire.
    static func busSyncRead(iterations: Int) -> BenchmarkResult {
        let ids = goals.keys.sorted()
        let reply = ids.flatMap { StatusPacket(id: $0, parameters: goals[$0] ?? []).encoded() }
        let bus = ServoBus(transport: LoopbackTransport(name: "benchmark") { _ in reply })
        return measure("ServoBus.syncRead, 9 servos, loopback", iterations: iterations, packets: 10, expecting: 9) {
            (try? bus.syncRead(address: 132, length: 4, ids: ids).values.count { (try? $0.get()) != nil }) ?? 0
        }
    }
}
