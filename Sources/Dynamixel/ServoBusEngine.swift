/// The transaction engine behind `ServoBus`: sends requests, collects and checks replies, retries. It is a value
/// owned by the bus's lock, so only one transaction runs at a time.
struct ServoBusEngine {
    let transport: any ByteTransport
    var configuration: ServoBusConfiguration
    var decoder = PacketDecoder()
    var statistics = BusStatistics()
    var alertingIDs: Set<UInt8> = []
    /// The transport's own time when it keeps one (a simulated wire), else the system's monotonic clock.
    private let transportClock: (any TransportClock)?
    private let origin = ContinuousClock.now

    init(transport: any ByteTransport, configuration: ServoBusConfiguration) {
        self.transport = transport
        self.configuration = configuration
        transportClock = transport as? any TransportClock
    }

    /// Time since an arbitrary origin, on the clock that reply deadlines are measured on.
    func now() -> Duration {
        if let transportClock { return transportClock.transportNow }
        return origin.duration(to: .now)
    }

    // MARK: - Wire

    /// Drops stale input, then writes the packet. Returns how many bytes went out.
    mutating func send(_ packet: InstructionPacket) throws(ServoBusError) -> Int {
        do throws(TransportError) {
            try transport.flushInput()
        } catch {
            throw .transport(error)
        }
        decoder.reset()
        let bytes = packet.encoded()
        do throws(TransportError) {
            try transport.write(bytes)
        } catch {
            throw .transport(error)
        }
        statistics.bytesSent += bytes.count
        return bytes.count
    }

    /// What arrives before `deadline`; empty when nothing did (the transport waited out the remaining time). With
    /// `partial` (part of a packet is in and the rest should follow at once), waits at most the inter-byte timeout:
    /// empty then means the rest was lost on the wire.
    mutating func receive(until deadline: Duration, partial: Bool = false) throws(ServoBusError) -> [UInt8] {
        let current = now()
        var remaining = current < deadline ? deadline - current : .zero
        if partial { remaining = min(remaining, configuration.interByteTimeout) }
        let bytes: [UInt8]
        do throws(TransportError) {
            bytes = try transport.read(maxCount: 4096, timeout: remaining)
        } catch {
            throw .transport(error)
        }
        statistics.bytesReceived += bytes.count
        return bytes
    }

    /// The next decoded status packet, counting (and dropping) decode errors and instruction packets (echoes).
    /// `corruptedIDs` collects the IDs named by packets that failed their CRC.
    mutating func nextStatus(corruptedIDs: inout Set<UInt8>) -> StatusPacket? {
        while let result = decoder.next() {
            switch result {
            case .failure(.crcMismatch(let id, _, _)):
                statistics.crcErrors += 1
                corruptedIDs.insert(id)
            case .failure(.invalidLength(let id, _)), .failure(.malformedStatus(let id)):
                statistics.framingErrors += 1
                corruptedIDs.insert(id)
            case .success(.instruction):
                statistics.discardedPackets += 1
            case .success(.status(let status)):
                return status
            }
        }
        return nil
    }

    /// Records the Alert bit and error number of a reply that is being delivered.
    mutating func note(_ error: StatusError, from id: UInt8) {
        if error.alert {
            statistics.alerts += 1
            alertingIDs.insert(id)
        } else {
            alertingIDs.remove(id)
        }
        if error.number != 0 { statistics.statusErrors += 1 }
    }

    /// Whether a device at the configured Status Return Level answers `request` sent to it alone.
    func awaitsReply(_ request: Request) -> Bool {
        switch request {
        case .ping: true
        case .read: configuration.statusReturnLevel >= 1
        default: configuration.statusReturnLevel >= 2
        }
    }

    /// A snapshot of the decoder's error counters, to tell afterwards whether an attempt met noise.
    struct NoiseMark {
        var errors: Int
        var skipped: Int
    }

    func noiseMark() -> NoiseMark {
        NoiseMark(errors: statistics.crcErrors + statistics.framingErrors, skipped: decoder.skippedByteCount)
    }

    /// Whether bytes arrived damaged since `mark`: a packet failed its CRC or framing, garbage was skipped, or a
    /// packet was left incomplete.
    func noiseSince(_ mark: NoiseMark) -> Bool {
        statistics.crcErrors + statistics.framingErrors > mark.errors || decoder.skippedByteCount > mark.skipped
            || decoder.pendingCount > 0
    }

    /// How many attempts a transaction may make: silent attempts stop at `retries`, noisy ones at
    /// `retries + noiseRetries`, and never more than `limit` in all when a caller sets one (the control loop's
    /// per-tick reads). Once a damaged reply has shown the device is there, a silent attempt is taken as the
    /// link's too (a reply lost whole, or late) and also counts against the noise allowance.
    struct AttemptBudget {
        let retries: Int
        let noiseRetries: Int
        let limit: Int?
        var attempts = 0
        var silent = 0
        var noisy = 0

        init(retries: Int, noiseRetries: Int, limit: Int?) {
            self.retries = max(0, retries)
            self.noiseRetries = max(0, noiseRetries)
            self.limit = limit.map { max(1, $0) }
        }

        /// Records a failed attempt.
        mutating func failed(noisy wasNoisy: Bool) {
            if wasNoisy { noisy += 1 } else { silent += 1 }
        }

        /// Whether another attempt may start.
        var allowsAnother: Bool {
            if attempts == 0 { return true }
            if let limit, attempts >= limit { return false }
            return (noisy > 0 || silent <= retries) && attempts < 1 + retries + noiseRetries
        }
    }

    func makeBudget(retries: Int? = nil, limit: Int? = nil) -> AttemptBudget {
        AttemptBudget(
            retries: retries ?? configuration.retries, noiseRetries: retries == nil ? configuration.noiseRetries : 0,
            limit: limit)
    }

    /// Counts one attempt that waits for replies.
    mutating func startAttempt(_ budget: inout AttemptBudget) {
        if budget.attempts > 0 { statistics.retries += 1 }
        budget.attempts += 1
        statistics.replyAttempts += 1
    }

    /// Counts one failed attempt, noisy or silent.
    mutating func failAttempt(_ budget: inout AttemptBudget, noisy: Bool) {
        statistics.timeouts += 1
        if noisy { statistics.noisyAttempts += 1 }
        budget.failed(noisy: noisy)
    }

    // MARK: - One device

    /// Sends `request` to `id` and returns the device's reply, or `nil` when no reply is due (broadcast, or a
    /// Status Return Level that suppresses it). A reply is accepted only from `id` and, when `expectedLength` is
    /// given and the reply reports no error, only with that many data bytes; anything else is dropped as stale
    /// or foreign. Timeouts and corrupted replies are retried `retries` times.
    mutating func transact(
        _ request: Request, to id: UInt8, expectedLength: Int?, address: UInt16? = nil, retries: Int? = nil,
        deliverErrors: Bool = false
    ) throws(ServoBusError) -> StatusPacket? {
        let packet = InstructionPacket(id: id, request: request)
        statistics.transactions += 1
        if id == PacketFraming.broadcastID || !awaitsReply(request) {
            _ = try send(packet)
            return nil
        }
        var corruptedIDs: Set<UInt8> = []
        var mismatch: String?
        var budget = makeBudget(retries: retries)
        while budget.allowsAnother {
            startAttempt(&budget)
            let sent = try send(packet)
            let mark = noiseMark()
            var expired = false
            let deadline =
                now() + configuration.replyTimeout(sentBytes: sent, replyBytes: 11 + (expectedLength ?? 0))
            while true {
                while let status = nextStatus(corruptedIDs: &corruptedIDs) {
                    guard status.id == id else {
                        statistics.discardedPackets += 1
                        continue
                    }
                    if status.error.number == 0, let expectedLength, status.parameters.count != expectedLength {
                        statistics.discardedPackets += 1
                        mismatch = "\(status.parameters.count) data bytes where \(expectedLength) were expected"
                        continue
                    }
                    note(status.error, from: id)
                    if status.error.number != 0, !deliverErrors || status.parameters.count != expectedLength {
                        throw .statusError(
                            id: id, error: status.error, instruction: request.instruction, address: address)
                    }
                    return status
                }
                if expired {
                    if decoder.skipIncompletePacket() { continue }
                    break
                }
                let bytes = try receive(until: deadline, partial: decoder.pendingCount > 0)
                if bytes.isEmpty {
                    expired = true  // nothing more will come: salvage what is inside an incomplete packet
                    continue
                }
                decoder.append(bytes)
            }
            failAttempt(&budget, noisy: noiseSince(mark))
        }
        if budget.noisy > 0 || corruptedIDs.contains(id) { throw .corrupted(id: id) }
        if let mismatch { throw .unexpectedReply(id: id, detail: mismatch) }
        throw .noReply(id: id)
    }

    // MARK: - Several devices

    /// One device's expected share of a multi-device read: its ID, the address (for messages) and data length.
    struct Expectation {
        var id: UInt8
        var address: UInt16
        var length: Int
    }

    /// Sync Read or Bulk Read: one status packet per device, in any order. Devices that do not answer are asked
    /// again (only them) up to `retries` times; the others are delivered whatever happens.
    mutating func collectStatuses(
        _ expectations: [Expectation], instruction: Instruction, attempts limit: Int? = nil,
        makeRequest: ([Expectation]) -> Request
    ) throws(ServoBusError) -> [UInt8: Result<[UInt8], ServoBusError>] {
        var results: [UInt8: Result<[UInt8], ServoBusError>] = [:]
        var pending = expectations
        var corruptedIDs: Set<UInt8> = []
        statistics.transactions += 1
        var budget = makeBudget(limit: limit)
        while !pending.isEmpty, budget.allowsAnother {
            startAttempt(&budget)
            let sent = try send(InstructionPacket(id: PacketFraming.broadcastID, request: makeRequest(pending)))
            let replyBytes = pending.reduce(0) { $0 + 11 + $1.length }
            let deadline =
                now()
                + configuration.replyTimeout(sentBytes: sent, replyBytes: replyBytes, devices: pending.count)
            let mark = noiseMark()
            var expired = false
            receiving: while !pending.isEmpty {
                while let status = nextStatus(corruptedIDs: &corruptedIDs) {
                    guard let index = pending.firstIndex(where: { $0.id == status.id }) else {
                        statistics.discardedPackets += 1
                        continue
                    }
                    let expectation = pending[index]
                    if status.error.number == 0, status.parameters.count != expectation.length {
                        statistics.discardedPackets += 1
                        continue
                    }
                    note(status.error, from: status.id)
                    pending.remove(at: index)
                    results[status.id] =
                        status.error.number == 0
                        ? .success(status.parameters)
                        : .failure(
                            .statusError(
                                id: status.id, error: status.error, instruction: instruction,
                                address: expectation.address))
                }
                if pending.isEmpty { break }
                if expired {
                    if decoder.skipIncompletePacket() { continue }
                    break receiving
                }
                let bytes = try receive(until: deadline, partial: decoder.pendingCount > 0)
                if bytes.isEmpty {
                    expired = true  // nothing more will come: salvage the replies inside an incomplete packet
                    continue
                }
                decoder.append(bytes)
            }
            if !pending.isEmpty { failAttempt(&budget, noisy: noiseSince(mark)) }
        }
        for expectation in pending {
            // Damage named this device, or every failed attempt met noise; an attempt where the others answered
            // cleanly and this one did not says it is absent.
            let noisy = corruptedIDs.contains(expectation.id) || (budget.noisy > 0 && budget.silent == 0)
            results[expectation.id] = .failure(noisy ? .corrupted(id: expectation.id) : .noReply(id: expectation.id))
        }
        return results
    }

    /// Fast Sync Read or Fast Bulk Read: one combined packet (ID 0xFE) that devices build in turn. A missing
    /// device truncates it; whatever arrived intact is parsed with `FastReadReply.parse(raw:)`. Devices that did
    /// not make it are asked again, the first missing one moved last so that it cannot hide the others.
    mutating func collectFastReply(
        _ expectations: [Expectation], instruction: Instruction, attempts limit: Int? = nil,
        makeRequest: ([Expectation]) -> Request
    ) throws(ServoBusError) -> [UInt8: Result<[UInt8], ServoBusError>] {
        var results: [UInt8: Result<[UInt8], ServoBusError>] = [:]
        var pending = expectations
        var corruptedIDs: Set<UInt8> = []
        statistics.transactions += 1
        var budget = makeBudget(limit: limit)
        while !pending.isEmpty, budget.allowsAnother {
            startAttempt(&budget)
            var noisy = false
            let sent = try send(InstructionPacket(id: PacketFraming.broadcastID, request: makeRequest(pending)))
            let total = PacketFraming.prefixLength + 1 + pending.reduce(0) { $0 + 4 + $1.length }
            let deadline =
                now() + configuration.replyTimeout(sentBytes: sent, replyBytes: total, devices: pending.count)
            var raw: [UInt8] = []
            var start: Int?
            while true {
                start = ServoBusEngine.fastReplyStart(in: raw)
                if let start, raw.count - start >= total { break }
                let bytes = try receive(until: deadline, partial: !raw.isEmpty)
                if bytes.isEmpty { break }
                raw += bytes
            }
            if let start, start > 0 { statistics.discardedPackets += 1 }
            let parsed = FastReadReply.parse(
                raw: start.map { Array(raw[$0...]) } ?? [],
                expecting: pending.map { FastReadReply.Expectation(id: $0.id, length: $0.length) })
            // A device that does not know the instruction (firmware < 46) answers alone with Instruction Error.
            var refused: [UInt8: StatusError] = [:]
            if start == nil {
                var decoder = PacketDecoder()
                decoder.append(raw)
                while let result = decoder.next() {
                    if case .success(.status(let status)) = result, status.error.number != 0 {
                        refused[status.id] = status.error
                    }
                }
            }
            var failed: [Expectation] = []
            for expectation in pending {
                if let error = refused[expectation.id] {
                    note(error, from: expectation.id)
                    results[expectation.id] = .failure(
                        .statusError(
                            id: expectation.id, error: error, instruction: instruction, address: expectation.address))
                    continue
                }
                switch parsed[expectation.id] {
                case .success(let block):
                    note(block.error, from: block.id)
                    results[block.id] =
                        block.error.number == 0
                        ? .success(block.data)
                        : .failure(
                            .statusError(
                                id: block.id, error: block.error, instruction: instruction,
                                address: expectation.address))
                case .failure(.corrupted(let id)), .failure(.unexpectedID(let id, _)):
                    statistics.crcErrors += 1
                    corruptedIDs.insert(id)
                    noisy = true
                    failed.append(expectation)
                case .failure(.noReply), nil:
                    failed.append(expectation)
                }
            }
            if !failed.isEmpty {
                // Bytes that arrived but never made a reply (no header, a cut-off header) are noise too.
                if start == nil, !raw.isEmpty, refused.isEmpty { noisy = true }
                failAttempt(&budget, noisy: noisy)
                failed.append(failed.removeFirst())
            }
            pending = failed
        }
        for expectation in pending {
            // Damage named this device, or every failed attempt met noise; an attempt where the others answered
            // cleanly and this one did not says it is absent.
            let noisy = corruptedIDs.contains(expectation.id) || (budget.noisy > 0 && budget.silent == 0)
            results[expectation.id] = .failure(noisy ? .corrupted(id: expectation.id) : .noReply(id: expectation.id))
        }
        return results
    }

    /// Where a fast-read reply (`FF FF FD 00 FE LEN LEN 55`) starts in `raw`, if it does.
    static func fastReplyStart(in raw: [UInt8]) -> Int? {
        guard raw.count >= 8 else { return nil }
        for index in 0...(raw.count - 8)
        where raw[index] == 0xFF && raw[index + 1] == 0xFF && raw[index + 2] == 0xFD && raw[index + 3] == 0x00
            && raw[index + 4] == PacketFraming.broadcastID && raw[index + 7] == Instruction.status.rawValue
        {
            return index
        }
        return nil
    }

    /// Every ping reply that arrives before `timeout` passes, one per ID, in ID order.
    mutating func broadcastPing(timeout: Duration) throws(ServoBusError) -> [PingReply] {
        statistics.transactions += 1
        _ = try send(InstructionPacket(id: PacketFraming.broadcastID, request: .ping))
        let deadline = now() + timeout
        var replies: [UInt8: PingReply] = [:]
        var corruptedIDs: Set<UInt8> = []
        while true {
            while let status = nextStatus(corruptedIDs: &corruptedIDs) {
                guard let reply = PingReply(status), status.id <= PacketFraming.maxDeviceID, replies[status.id] == nil
                else {
                    statistics.discardedPackets += 1
                    continue
                }
                note(status.error, from: status.id)
                replies[status.id] = reply
            }
            let bytes = try receive(until: deadline)
            if bytes.isEmpty { break }
            decoder.append(bytes)
        }
        return replies.keys.sorted().compactMap { replies[$0] }
    }
}
