public import Dynamixel
import Foundation

/// A simulated Dynamixel bus: a daisy chain of `VirtualServo`s behind one half-duplex line. It takes raw
/// instruction bytes in any split, decodes them, and returns the bytes the servos would put on the wire —
/// per-ID status packets in the listed order for Sync/Bulk Read, one combined packet for the fast variants,
/// every servo in ID order for a broadcast Ping, nothing for broadcast writes. Faults (`SimulatorFaults`) are
/// applied with a seeded generator.
///
/// Thread-safe: every call holds one lock, so a pty thread and a test can share a bus.
///
/// Corrupted instructions: a packet whose CRC is wrong is answered with CRC Error (3) by the servo it names
/// only when the damage is confined to that packet — the ID names a servo on the bus and no other header starts
/// inside it (a packet that lost bytes and swallowed the start of the next one gets no reply, since its ID byte
/// cannot be trusted). Everything else that is not a packet is skipped.
public final class VirtualBus: @unchecked Sendable {
    /// What the servos send back for some received bytes, and when.
    public struct Reply: Sendable, Equatable {
        /// The bytes on the wire (possibly several packets).
        public var bytes: [UInt8]
        /// How long after the instruction the reply starts: Return Delay Time of the responders plus injected
        /// latency. In-process loopback transports ignore it; the pty server waits it out.
        public var delay: Duration
    }

    /// Counters for diagnostics and tests.
    public struct Statistics: Sendable, Equatable {
        public var instructionsHandled = 0
        public var statusPacketsSent = 0
        public var corruptedInstructions = 0
        public var bytesLost = 0
        public var repliesCorrupted = 0
        /// Sync Write instructions carried out, by start address (116 = Goal Position, 64 = Torque Enable).
        public var syncWrites: [UInt16: Int] = [:]
    }

    /// The clock that drives servo motion.
    public let clock: any SimulatorClock
    /// The line speed, bps; servos whose Baud Rate register names another speed do not hear the bus.
    public let baudRate: Int
    private let lock = NSLock()
    private var servos: [VirtualServo]
    private var decoder = PacketDecoder()
    private var random: SplitMix64
    private var faults: SimulatorFaults
    private var missing: Set<UInt8>
    private var lastAdvance: Duration
    private var lastByteTime: Duration?
    private let startTime: Duration
    private var unplugged = false
    private var stats = Statistics()
    private var trace: (@Sendable (String) -> Void)?
    /// A partial packet older than this is dropped when new bytes arrive (the protocol's 1.5 ms rule); `nil`
    /// keeps partial packets forever.
    public let interByteTimeout: Duration?

    /// A bus with `servos`, driven by `clock`, injecting `faults` with randomness from `seed`.
    public init(
        servos: [VirtualServo], clock: any SimulatorClock = VirtualClock(), seed: UInt64 = 0,
        faults: SimulatorFaults = SimulatorFaults(), baudRate: Int = 1_000_000, interByteTimeout: Duration? = nil
    ) {
        self.clock = clock
        self.baudRate = baudRate
        self.servos = servos
        self.random = SplitMix64(seed: seed)
        self.faults = faults
        self.missing = faults.missingIDs
        self.interByteTimeout = interByteTimeout
        let now = clock.now()
        lastAdvance = now
        startTime = now
        applyStandingFaults(faults)
    }

    private func applyStandingFaults(_ faults: SimulatorFaults) {
        for index in servos.indices {
            let id = servos[index].id
            if let volts = faults.supplyVoltage { servos[index].setSupplyVoltage(volts) }
            if faults.overloadIDs.contains(id) { servos[index].raiseHardwareError(.overload) }
            if faults.overheatIDs.contains(id) { servos[index].raiseHardwareError(.overheating) }
            if faults.voltageErrorIDs.contains(id) { servos[index].raiseHardwareError(.inputVoltage) }
        }
    }

    /// Calls `handler` with a hex dump of every chunk received (`rx`) and every reply sent (`tx`).
    public func setTrace(_ handler: (@Sendable (String) -> Void)?) {
        lock.lock()
        trace = handler
        lock.unlock()
    }

    // MARK: Wire interface

    /// Feeds bytes from the host; returns what the servos answer. Throws `TransportError.disconnected` once the
    /// bus is unplugged.
    public func receive(_ bytes: [UInt8]) throws(TransportError) -> Reply {
        lock.lock()
        defer { lock.unlock() }
        let now = clock.now()
        if !unplugged, let after = faults.unplugAfter, now - startTime >= after { unplugged = true }
        guard !unplugged else {
            throw .disconnected(name: "simulator", reason: "the simulated robot was unplugged")
        }
        advanceLocked(to: now)
        if let timeout = interByteTimeout, let last = lastByteTime, now - last > timeout, !decoder.pendingBytes.isEmpty
        {
            decoder.reset()
        }
        if !bytes.isEmpty { lastByteTime = now }
        decoder.append(bytes)
        var out: [UInt8] = []
        var delay = Duration.zero
        while let result = decoder.next() {
            switch result {
            case .success(.instruction(let packet)):
                stats.instructionsHandled += 1
                let (packets, responders) = handleLocked(packet)
                for var encoded in packets {
                    stats.statusPacketsSent += 1
                    if random.chance(faults.crcCorruptionRate), let last = encoded.indices.last {
                        encoded[last] ^= 0x5A
                        stats.repliesCorrupted += 1
                    }
                    out += encoded
                }
                if !packets.isEmpty {
                    delay += faults.latency
                    for id in responders {
                        if let servo = servos.first(where: { $0.id == id }) {
                            delay += .microseconds(2 * Int64(servo.value(VirtualControlTable.returnDelayTime)))
                        }
                    }
                }
            case .success(.status):
                continue  // Another device's reply (or an echo): servos ignore it.
            case .failure(.crcMismatch(let id, _, _)):
                stats.corruptedInstructions += 1
                if let reply = crcErrorReplyLocked(id: id) { out += reply }
            case .failure:
                stats.corruptedInstructions += 1
            }
        }
        let reply = Reply(bytes: lose(out), delay: delay)
        if let trace {
            let time = String(format: "%.6f", now.seconds)
            trace("\(time) rx \(bytes.map { String(format: "%02X", $0) }.joined(separator: " "))")
            if !reply.bytes.isEmpty {
                trace("\(time) tx \(reply.bytes.map { String(format: "%02X", $0) }.joined(separator: " "))")
            }
        }
        return reply
    }

    /// Drops each reply byte with the configured probability.
    private func lose(_ bytes: [UInt8]) -> [UInt8] {
        guard faults.byteLossRate > 0 else { return bytes }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        for byte in bytes {
            if random.chance(faults.byteLossRate) {
                stats.bytesLost += 1
            } else {
                kept.append(byte)
            }
        }
        return kept
    }

    /// The CRC Error status for a corrupted packet, when its framing shows the damage stayed inside it.
    private func crcErrorReplyLocked(id: UInt8) -> [UInt8]? {
        // The decoder dropped the first header byte; the rest of the bad packet is at the front.
        let rest = decoder.pendingBytes
        guard rest.count >= 6, let index = listeningIndex(id) else { return nil }
        let length = Int(rest[4]) | Int(rest[5]) << 8
        let packetEnd = min(rest.count, 6 + length)
        let header = PacketFraming.header
        if packetEnd > 4 {
            for start in 3..<max(3, packetEnd - 3) where Array(rest[start..<(start + 4)]) == header { return nil }
        }
        let servo = servos[index]
        guard servo.answers(.write) else { return nil }
        return StatusPacket(id: id, error: servo.statusError(.crcError)).encoded()
    }

    // MARK: Instruction handling

    /// Handles one decoded instruction and returns the status packets (encoded) in wire order, with the IDs of
    /// the servos that answered.
    public func handle(_ packet: InstructionPacket) -> [[UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        advanceLocked(to: clock.now())
        return handleLocked(packet).packets
    }

    private func listeningIndex(_ id: UInt8) -> Int? {
        guard id != PacketFraming.broadcastID, !missing.contains(id) else { return nil }
        return servos.firstIndex { $0.id == id && $0.listens(atBaudRate: baudRate) }
    }

    private var listeningIndicesInIDOrder: [Int] {
        servos.indices.filter { !missing.contains(servos[$0].id) && servos[$0].listens(atBaudRate: baudRate) }
            .sorted { servos[$0].id < servos[$1].id }
    }

    private func handleLocked(_ packet: InstructionPacket) -> (packets: [[UInt8]], responders: [UInt8]) {
        let broadcast = packet.isBroadcast
        let targets: [Int] = broadcast ? listeningIndicesInIDOrder : listeningIndex(packet.id).map { [$0] } ?? []
        var packets: [[UInt8]] = []
        var responders: [UInt8] = []
        func reply(_ index: Int, _ instruction: Instruction, error: ProtocolError? = nil, data: [UInt8] = []) {
            let servo = servos[index]
            guard servo.answers(instruction) else { return }
            packets.append(StatusPacket(id: servo.id, error: servo.statusError(error), parameters: data).encoded())
            responders.append(servo.id)
        }
        let request: Request
        switch packet.request() {
        case .success(let decoded): request = decoded
        case .failure(let error):
            if !broadcast, let index = targets.first { reply(index, packet.instruction, error: error.protocolError) }
            return (packets, responders)
        }
        switch request {
        case .ping:
            for index in targets { reply(index, .ping, data: servos[index].pingData) }
        case .read(let address, let length):
            guard !broadcast, let index = targets.first else { break }
            switch servos[index].read(address: Int(address), length: Int(length)) {
            case .success(let data): reply(index, .read, data: data)
            case .failure(let error): reply(index, .read, error: error)
            }
        case .write(let address, let data):
            for index in targets {
                let error = servos[index].write(address: Int(address), data: data)
                if !broadcast { reply(index, .write, error: error) }
            }
        case .regWrite(let address, let data):
            for index in targets {
                let error = servos[index].registerWrite(address: Int(address), data: data)
                if !broadcast { reply(index, .regWrite, error: error) }
            }
        case .action:
            for index in targets {
                let error = servos[index].action()
                if !broadcast { reply(index, .action, error: error) }
            }
        case .reboot:
            for index in targets {
                if !broadcast { reply(index, .reboot) }
                servos[index].reboot()
            }
        case .factoryReset(let option):
            // Firmware 42+ refuses a broadcast reset of everything (every servo would become ID 1).
            if broadcast && option == .all { break }
            for index in targets {
                if !broadcast { reply(index, .factoryReset) }
                servos[index].factoryReset(option)
            }
        case .clear:
            for index in targets {
                let error = servos[index].clearMultiTurn()
                if !broadcast { reply(index, .clear, error: error) }
            }
        case .controlTableBackup(let operation):
            for index in targets {
                let error = servos[index].controlTableBackup(operation)
                if !broadcast { reply(index, .controlTableBackup, error: error) }
            }
        case .syncRead(let address, let length, let ids):
            guard broadcast else { break }
            for id in ids {
                guard let index = listeningIndex(id) else { continue }
                switch servos[index].read(address: Int(address), length: Int(length)) {
                case .success(let data): reply(index, .syncRead, data: data)
                case .failure(let error): reply(index, .syncRead, error: error)
                }
            }
        case .bulkRead(let entries):
            guard broadcast else { break }
            for entry in entries {
                guard let index = listeningIndex(entry.id) else { continue }
                switch servos[index].read(address: Int(entry.address), length: Int(entry.length)) {
                case .success(let data): reply(index, .bulkRead, data: data)
                case .failure(let error): reply(index, .bulkRead, error: error)
                }
            }
        case .fastSyncRead(let address, let length, let ids):
            guard broadcast else { break }
            let entries = ids.map { BulkReadEntry(id: $0, address: address, length: length) }
            if let reply = fastReadLocked(entries, instruction: .fastSyncRead) {
                packets.append(reply.bytes)
                responders += reply.ids
            }
        case .fastBulkRead(let entries):
            guard broadcast else { break }
            if let reply = fastReadLocked(entries, instruction: .fastBulkRead) {
                packets.append(reply.bytes)
                responders += reply.ids
            }
        case .syncWrite(let address, _, let entries):
            guard broadcast else { break }
            stats.syncWrites[address, default: 0] += 1
            for entry in entries {
                guard let index = listeningIndex(entry.id) else { continue }
                _ = servos[index].write(address: Int(address), data: entry.data)
            }
        case .bulkWrite(let entries):
            guard broadcast else { break }
            for entry in entries {
                guard let index = listeningIndex(entry.id) else { continue }
                _ = servos[index].write(address: Int(entry.address), data: entry.data)
            }
        }
        return (packets, responders)
    }

    /// The combined fast-read reply. Each servo appends its block after the previous one; the first servo that
    /// is absent (or silent at Status Return Level 0) ends the chain, so the packet is truncated there. A servo
    /// that cannot read the range reports the error in its block, with zeros as data to keep the layout.
    private func fastReadLocked(_ entries: [BulkReadEntry], instruction: Instruction) -> (bytes: [UInt8], ids: [UInt8])?
    {
        var blocks: [FastReadReply.Block] = []
        var complete = true
        for entry in entries {
            guard let index = listeningIndex(entry.id), servos[index].answers(instruction) else {
                complete = false
                break
            }
            let servo = servos[index]
            switch servo.read(address: Int(entry.address), length: Int(entry.length)) {
            case .success(let data): blocks.append(.init(id: entry.id, error: servo.statusError(), data: data))
            case .failure(let error):
                blocks.append(
                    .init(
                        id: entry.id, error: servo.statusError(error),
                        data: Array(repeating: 0, count: Int(entry.length))))
            }
        }
        guard !blocks.isEmpty else { return nil }
        let full = FastReadReply.encode(
            complete
                ? blocks
                : blocks
                    + entries[blocks.count...].map {
                        .init(id: $0.id, data: Array(repeating: 0, count: Int($0.length)))
                    })
        guard !complete else { return (full, blocks.map(\.id)) }
        // LEN announces every requested device, but only the blocks of devices that answered are sent.
        let sent = PacketFraming.prefixLength + 1 + blocks.reduce(0) { $0 + 4 + $1.data.count }
        return (Array(full.prefix(sent)), blocks.map(\.id))
    }

    // MARK: Time

    private func advanceLocked(to now: Duration) {
        let elapsed = now - lastAdvance
        guard elapsed > .zero else { return }
        for index in servos.indices { servos[index].advance(by: elapsed) }
        lastAdvance = now
    }

    // MARK: Test and inspection API

    /// Every servo's ID, in bus order.
    public var ids: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return servos.map(\.id)
    }

    /// A snapshot of the servo with `id`, brought up to the clock's time.
    public func servo(_ id: UInt8) -> VirtualServo? {
        withServo(id) { $0 }
    }

    /// Runs `body` on the servo with `id` (after bringing the bus up to the clock's time); `nil` when no such servo.
    @discardableResult
    public func withServo<Result>(_ id: UInt8, _ body: (inout VirtualServo) throws -> Result) rethrows -> Result? {
        lock.lock()
        defer { lock.unlock() }
        advanceLocked(to: clock.now())
        guard let index = servos.firstIndex(where: { $0.id == id }) else { return nil }
        return try body(&servos[index])
    }

    /// Turns servo `id`'s horn by hand so that it reads `presentPosition`.
    public func setHandPosition(id: UInt8, _ presentPosition: Int64) {
        withServo(id) { $0.setHandPosition(presentPosition) }
    }

    /// Removes (`true`) or reconnects (`false`) a motor from the daisy chain.
    public func setMissing(_ id: UInt8, _ isMissing: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isMissing { missing.insert(id) } else { missing.remove(id) }
    }

    /// Replaces the fault configuration. Motor faults (overload, overheat, voltage error, supply) are applied at
    /// once; the random ones apply to the bytes that follow.
    public func setFaults(_ newFaults: SimulatorFaults) {
        lock.lock()
        defer { lock.unlock() }
        advanceLocked(to: clock.now())
        faults = newFaults
        missing = newFaults.missingIDs
        applyStandingFaults(newFaults)
    }

    /// The current fault configuration.
    public var currentFaults: SimulatorFaults {
        lock.lock()
        defer { lock.unlock() }
        return faults
    }

    /// Disconnects the bus now: every later `receive` throws.
    public func unplug() {
        lock.lock()
        unplugged = true
        lock.unlock()
    }

    /// Whether the bus has been unplugged (by `unplug()` or the `unplug-after` fault, checked on traffic).
    public var isUnplugged: Bool {
        lock.lock()
        defer { lock.unlock() }
        if !unplugged, let after = faults.unplugAfter, clock.now() - startTime >= after { unplugged = true }
        return unplugged
    }

    /// Counters since creation.
    public var statistics: Statistics {
        lock.lock()
        defer { lock.unlock() }
        return stats
    }

    /// Forgets a partially received packet (a new client connected).
    public func resetInput() {
        lock.lock()
        decoder.reset()
        lock.unlock()
    }
}

extension VirtualServo {
    /// Whether the servo's Baud Rate register matches the line speed.
    func listens(atBaudRate baudRate: Int) -> Bool {
        DynamixelBaudRate.rate(forRegisterValue: Int(memory[VirtualControlTable.baudRate.address])) == baudRate
    }
}
