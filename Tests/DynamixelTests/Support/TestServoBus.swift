import Dynamixel
import Synchronization

/// A tiny bus of fake XL330 servos for ServoBus tests (not the simulator): a 256-byte control table per servo,
/// the instructions the bus sends, and fault injection (silent servos, corrupted replies, garbage, foreign and
/// stale replies). Attach it through `transport`.
final class TestServoBus: @unchecked Sendable {
    struct Servo {
        var memory = [UInt8](repeating: 0, count: 256)
        var alert = false
        var registered: (address: Int, data: [UInt8])?
    }

    struct Faults {
        /// Servos that never answer.
        var silent: Set<UInt8> = []
        /// How many of the next replies of each servo get a corrupted byte.
        var corruptNext: [UInt8: Int] = [:]
        /// Bytes sent before every reply.
        var garbage: [UInt8] = []
        /// A well-formed status from this ID (with the same data) is sent before every reply.
        var foreignID: UInt8?
        /// A status from the addressed servo with a wrong data length is sent before every reply.
        var staleFirst = false
        /// Every reply is sent twice (the copy is stale for the next transaction).
        var duplicate = false
        /// Servos that answer Fast Sync/Bulk Read alone with Instruction Error (old firmware).
        var noFastRead: Set<UInt8> = []
        /// The host's own bytes come back before any reply (a half-duplex adapter that echoes).
        var echo = false
    }

    struct State {
        var servos: [UInt8: Servo] = [:]
        var faults = Faults()
        /// Answer Access Error for addresses outside the XL330 control table (as real servos do).
        var strictAddresses = false
        /// Bytes arrive in any split over a pty: one decoder for the whole stream.
        var decoder = PacketDecoder()
        var received: [InstructionPacket] = []
        var receivedBytes: [[UInt8]] = []
    }

    let state: Mutex<State>

    init(ids: [UInt8], model: UInt16 = 1200, firmware: UInt8 = 52, strictAddresses: Bool = false) {
        var servos: [UInt8: Servo] = [:]
        for id in ids {
            var servo = Servo()
            servo.memory[0] = UInt8(model & 0xFF)
            servo.memory[1] = UInt8(model >> 8)
            servo.memory[6] = firmware
            servo.memory[7] = id
            servo.memory[68] = 2
            // Present Position = 2048 + id, so each servo reads differently.
            let position = 2048 + Int(id)
            servo.memory[132] = UInt8(position & 0xFF)
            servo.memory[133] = UInt8(position >> 8)
            servos[id] = servo
        }
        state = Mutex(State(servos: servos, strictAddresses: strictAddresses))
    }

    var transport: LoopbackTransport {
        LoopbackTransport(name: "test servos") { [self] bytes in handle(bytes) }
    }

    func setFaults(_ change: (inout Faults) -> Void) { state.withLock { change(&$0.faults) } }
    func poke(_ id: UInt8, address: Int, _ bytes: [UInt8]) {
        state.withLock { $0.servos[id]?.memory.replaceSubrange(address..<(address + bytes.count), with: bytes) }
    }
    func peek(_ id: UInt8, address: Int, count: Int) -> [UInt8] {
        state.withLock { Array($0.servos[id]?.memory[address..<(address + count)] ?? []) }
    }
    func setAlert(_ id: UInt8, _ on: Bool) { state.withLock { $0.servos[id]?.alert = on } }
    var received: [InstructionPacket] { state.withLock { $0.received } }
    var receivedBytes: [[UInt8]] { state.withLock { $0.receivedBytes } }

    // MARK: - Serving

    /// Takes bytes as they arrive from the host and returns the servos' answers.
    func handle(_ bytes: [UInt8]) -> [UInt8] {
        state.withLock { state in
            state.receivedBytes.append(bytes)
            state.decoder.append(bytes)
            var out: [UInt8] = state.faults.echo ? bytes : []
            while let result = state.decoder.next() {
                guard case .success(.instruction(let packet)) = result, case .success(let request) = packet.request()
                else { continue }
                state.received.append(packet)
                out += serve(request, to: packet.id, state: &state)
            }
            return out
        }
    }

    private func status(_ id: UInt8, _ number: UInt8 = 0, _ data: [UInt8] = [], state: inout State) -> [UInt8] {
        guard let servo = state.servos[id], !state.faults.silent.contains(id) else { return [] }
        let error = StatusError(rawValue: (servo.alert ? 0x80 : 0) | number)
        var reply = StatusPacket(id: id, error: error, parameters: data).encoded()
        if let count = state.faults.corruptNext[id], count > 0 {
            state.faults.corruptNext[id] = count - 1
            reply[reply.count - 3] ^= 0x5A
        }
        var framed = state.faults.garbage
        if let foreign = state.faults.foreignID {
            framed += StatusPacket(id: foreign, error: .ok, parameters: data).encoded()
        }
        if state.faults.staleFirst {
            framed += StatusPacket(id: id, error: .ok, parameters: data + [0x42]).encoded()
        }
        framed += reply
        return state.faults.duplicate ? framed + framed : framed
    }

    private func read(_ id: UInt8, _ address: Int, _ length: Int, state: State) -> (UInt8, [UInt8]) {
        guard address + length <= 256 else { return (7, []) }
        if state.strictAddresses, !ControlTable.isDefined(address: UInt16(address), length: length) { return (7, []) }
        return (0, Array(state.servos[id]?.memory[address..<(address + length)] ?? []))
    }

    private func write(_ id: UInt8, _ address: Int, _ data: [UInt8], state: inout State) -> UInt8 {
        guard let servo = state.servos[id] else { return 0 }
        guard address + data.count <= 256 else { return 7 }
        if state.strictAddresses, !ControlTable.isDefined(address: UInt16(address), length: data.count) { return 7 }
        if address < 64, servo.memory[64] != 0 { return 7 }
        state.servos[id]?.memory.replaceSubrange(address..<(address + data.count), with: data)
        return 0
    }

    private func serve(_ request: Request, to target: UInt8, state: inout State) -> [UInt8] {
        let broadcast = target == 0xFE
        let ids = broadcast ? state.servos.keys.sorted() : (state.servos[target] == nil ? [] : [target])
        switch request {
        case .ping:
            return ids.flatMap { id in
                let m = state.servos[id]?.memory ?? []
                return status(id, 0, [m[0], m[1], m[6]], state: &state)
            }
        case .read(let address, let length):
            guard !broadcast, let id = ids.first else { return [] }
            let (error, data) = read(id, Int(address), Int(length), state: state)
            return status(id, error, data, state: &state)
        case .write(let address, let data):
            var out: [UInt8] = []
            for id in ids {
                let error = write(id, Int(address), data, state: &state)
                if !broadcast { out += status(id, error, state: &state) }
            }
            return out
        case .regWrite(let address, let data):
            for id in ids { state.servos[id]?.registered = (Int(address), data) }
            return broadcast ? [] : ids.flatMap { status($0, state: &state) }
        case .action:
            for id in ids {
                if let registered = state.servos[id]?.registered {
                    _ = write(id, registered.address, registered.data, state: &state)
                    state.servos[id]?.registered = nil
                }
            }
            return broadcast ? [] : ids.flatMap { status($0, state: &state) }
        case .reboot:
            for id in ids {
                state.servos[id]?.memory[64] = 0
                state.servos[id]?.alert = false
            }
            return broadcast ? [] : ids.flatMap { status($0, state: &state) }
        case .factoryReset, .clear, .controlTableBackup:
            return broadcast ? [] : ids.flatMap { status($0, state: &state) }
        case .syncRead(let address, let length, let wanted):
            guard broadcast else { return [] }
            return wanted.flatMap { id -> [UInt8] in
                guard state.servos[id] != nil else { return [] }
                let (error, data) = read(id, Int(address), Int(length), state: state)
                return status(id, error, data, state: &state)
            }
        case .bulkRead(let entries):
            guard broadcast else { return [] }
            return entries.flatMap { entry -> [UInt8] in
                guard state.servos[entry.id] != nil else { return [] }
                let (error, data) = read(entry.id, Int(entry.address), Int(entry.length), state: state)
                return status(entry.id, error, data, state: &state)
            }
        case .fastSyncRead(let address, let length, let wanted):
            guard broadcast else { return [] }
            return fastReply(wanted.map { BulkReadEntry(id: $0, address: address, length: length) }, state: &state)
        case .fastBulkRead(let entries):
            guard broadcast else { return [] }
            return fastReply(entries, state: &state)
        case .syncWrite(let address, _, let entries):
            for entry in entries { _ = write(entry.id, Int(address), entry.data, state: &state) }
            return []
        case .bulkWrite(let entries):
            for entry in entries { _ = write(entry.id, Int(entry.address), entry.data, state: &state) }
            return []
        }
    }

    /// The combined reply, cut where the first absent or silent servo should have added its block.
    private func fastReply(_ entries: [BulkReadEntry], state: inout State) -> [UInt8] {
        if let old = entries.first(where: { state.faults.noFastRead.contains($0.id) }) {
            return status(old.id, 2, state: &state)
        }
        var blocks: [FastReadReply.Block] = []
        var cut: Int?
        for entry in entries {
            let present = state.servos[entry.id] != nil && !state.faults.silent.contains(entry.id)
            if !present, cut == nil { cut = blocks.count }
            let (error, data) = read(entry.id, Int(entry.address), Int(entry.length), state: state)
            let alert: UInt8 = state.servos[entry.id]?.alert == true ? 0x80 : 0
            blocks.append(
                FastReadReply.Block(
                    id: entry.id, error: StatusError(rawValue: alert | error),
                    data: error == 0 && data.count == Int(entry.length)
                        ? data : [UInt8](repeating: 0, count: Int(entry.length))))
        }
        var bytes = FastReadReply.encode(blocks)
        if let cut {
            let keep = 8 + blocks.prefix(cut).reduce(0) { $0 + 4 + $1.data.count }
            bytes = Array(bytes.prefix(keep))
        }
        var offset = 8
        for block in blocks {
            if let count = state.faults.corruptNext[block.id], count > 0, offset + 2 < bytes.count {
                state.faults.corruptNext[block.id] = count - 1
                bytes[offset + 2] ^= 0x5A
            }
            offset += 4 + block.data.count
        }
        return state.faults.garbage + bytes
    }
}
