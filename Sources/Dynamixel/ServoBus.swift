import Synchronization

/// A Dynamixel Protocol 2.0 bus over any `ByteTransport`: request/response with byte-count timeouts, bounded
/// retries, stale-reply rejection and per-motor results for multi-motor reads.
///
/// Noise: an attempt whose reply arrives damaged (bad CRC, bytes missing, garbage) is told from one that gets
/// nothing at all. Silence is retried `configuration.retries` times (then `noReply`: absent or unpowered); damage
/// up to `noiseRetries` more times (then `corrupted`: the device is there, the link is noisy). A reply cut short
/// is given up after `configuration.interByteTimeout` of silence instead of the whole reply time, and the decoder
/// resynchronises on the next header, so one lost byte costs one quick retry.
///
/// Thread safety: every call takes the bus's lock for the whole transaction, so calls from several threads are
/// serialised and never interleave on the wire. Calls block the calling thread (run them on a dedicated thread,
/// not on the cooperative pool).
///
/// Replies: a reply is delivered only if it comes from the addressed ID, is a status packet, and has the size the
/// request calls for; anything else (a late reply to an earlier request, another device, an echo, garbage) is
/// dropped and counted in `statistics`. Input is flushed before each request. Broadcasts (ID 0xFE) wait for
/// nothing except Ping, (Fast) Sync Read and (Fast) Bulk Read, which have their own calls. The Alert bit (the
/// device has a hardware error) is not a failure: it is recorded in `alertingIDs` and `statistics.alerts`.
///
/// ```swift
/// let bus = ServoBus(transport: port)
/// let who = try bus.ping(11)                                   // PingReply(id: 11, modelNumber: 1200, …)
/// let raw = try bus.read(id: 11, address: 132, length: 4)     // [UInt8], little-endian
/// try bus.write(id: 11, address: 116, data: [0x00, 0x08, 0, 0])
/// let all = try bus.syncRead(address: 132, length: 4, ids: Array(10...18))  // [id: Result<[UInt8], ServoBusError>]
/// ```
public final class ServoBus: @unchecked Sendable {
    /// The transport the bus talks through (it owns it: use it through the bus only).
    public let transport: any ByteTransport
    private let engine: Mutex<ServoBusEngine>

    public init(transport: any ByteTransport, configuration: ServoBusConfiguration = ServoBusConfiguration()) {
        self.transport = transport
        engine = Mutex(ServoBusEngine(transport: transport, configuration: configuration))
    }

    /// Timing and retry settings; changes apply to the next transaction.
    public var configuration: ServoBusConfiguration {
        get { engine.withLock { $0.configuration } }
        set { engine.withLock { $0.configuration = newValue } }
    }

    /// Counters since creation or the last `resetStatistics()`.
    public var statistics: BusStatistics { engine.withLock { $0.statistics } }

    /// Zeroes the counters.
    public func resetStatistics() { engine.withLock { $0.statistics = BusStatistics() } }

    /// IDs whose latest reply carried the Alert bit: they report a hardware error (read Hardware Error Status,
    /// address 70; only a reboot clears it).
    public var alertingIDs: Set<UInt8> { engine.withLock { $0.alertingIDs } }

    /// Runs `body` with the engine locked: one transaction at a time.
    func locked<T>(_ body: (inout ServoBusEngine) throws -> T) throws(ServoBusError) -> T {
        do {
            return try engine.withLock { engine in try body(&engine) }
        } catch let error as ServoBusError {
            throw error
        } catch {
            throw .invalidArgument("\(error)")  // unreachable: the engine throws only ServoBusError
        }
    }

    // MARK: - Raw transaction

    /// Sends any request to `id` and returns the reply's status packet, or `nil` when no reply is due
    /// (broadcast writes, or writes under Status Return Level < 2). For tools such as `reachy doctor`. Requests
    /// that many devices answer must use their own calls (`broadcastPing`, `syncRead`, …).
    @discardableResult
    public func send(_ request: Request, to id: UInt8) throws(ServoBusError) -> StatusPacket? {
        if id == PacketFraming.broadcastID, request.repliesToBroadcast {
            throw .invalidArgument(
                "\(request.instruction) to every motor has a call of its own (broadcastPing, syncRead, bulkRead…).")
        }
        try ServoBus.check(id: id, allowBroadcast: true)
        return try locked { try $0.transact(request, to: id, expectedLength: nil) }
    }

    // MARK: - Discovery

    /// Pings one device: its model number and firmware.
    public func ping(_ id: UInt8) throws(ServoBusError) -> PingReply {
        try ping(id, retries: nil)
    }

    private func ping(_ id: UInt8, retries: Int?) throws(ServoBusError) -> PingReply {
        try ServoBus.check(id: id, allowBroadcast: false)
        // A ping reply that carries an error number still identifies the device: it goes in `PingReply.error`.
        let status = try locked {
            try $0.transact(.ping, to: id, expectedLength: 3, retries: retries, deliverErrors: true)
        }
        guard let status, let reply = PingReply(status) else { throw .noReply(id: id) }
        return reply
    }

    /// Pings every device at once and returns those that answered within `timeout`, in ID order. The default
    /// timeout leaves room for all 253 IDs to answer in turn (as the ROBOTIS SDK does: about 0.8 s at 1 Mbps).
    public func broadcastPing(timeout: Duration? = nil) throws(ServoBusError) -> [PingReply] {
        try locked { engine in
            let timeout =
                timeout
                ?? engine.configuration.wireTime(bytes: 10 + 14 * 253) + .milliseconds(3) * 253
                + engine.configuration.latencyAllowance
            return try engine.broadcastPing(timeout: timeout)
        }
    }

    /// Pings each ID in turn (once each unless `retries` says otherwise) and returns those that answered, in the
    /// order asked. IDs above 252 are skipped. Only a transport failure ends the scan early.
    public func scan<IDs: Sequence<UInt8>>(ids: IDs, retries: Int = 0) throws(ServoBusError) -> [PingReply] {
        var found: [PingReply] = []
        for id in ids where id <= PacketFraming.maxDeviceID {
            do throws(ServoBusError) {
                found.append(try ping(id, retries: retries))
            } catch {
                if case .transport = error { throw error }
            }
        }
        return found
    }

    // MARK: - One device

    /// Reads `length` bytes of the control table of `id` from `address` (raw, little-endian).
    public func read(id: UInt8, address: UInt16, length: Int) throws(ServoBusError) -> [UInt8] {
        try ServoBus.check(id: id, allowBroadcast: false)
        let count = try ServoBus.check(length: length)
        let status = try locked {
            try $0.transact(.read(address: address, length: count), to: id, expectedLength: length, address: address)
        }
        guard let status else {
            throw .invalidArgument("Reads need Status Return Level 1 or 2; this bus is configured for level 0.")
        }
        return status.parameters
    }

    /// Writes `data` to the control table of `id` from `address`. To 0xFE (broadcast) nothing answers.
    public func write(id: UInt8, address: UInt16, data: [UInt8]) throws(ServoBusError) {
        try ServoBus.check(id: id, allowBroadcast: true)
        _ = try ServoBus.check(length: data.count)
        try locked {
            _ = try $0.transact(.write(address: address, data: data), to: id, expectedLength: 0, address: address)
        }
    }

    /// Registers a write that `action` will carry out (to synchronise several devices).
    public func regWrite(id: UInt8, address: UInt16, data: [UInt8]) throws(ServoBusError) {
        try ServoBus.check(id: id, allowBroadcast: true)
        _ = try ServoBus.check(length: data.count)
        try locked {
            _ = try $0.transact(.regWrite(address: address, data: data), to: id, expectedLength: 0, address: address)
        }
    }

    /// Carries out the registered write (usually broadcast: the default).
    public func action(id: UInt8 = PacketFraming.broadcastID) throws(ServoBusError) {
        try ServoBus.check(id: id, allowBroadcast: true)
        try locked { _ = try $0.transact(.action, to: id, expectedLength: 0) }
    }

    /// Reboots the device (clears a hardware error; torque comes back off).
    public func reboot(id: UInt8) throws(ServoBusError) {
        try ServoBus.check(id: id, allowBroadcast: true)
        try locked { _ = try $0.transact(.reboot, to: id, expectedLength: 0) }
    }

    /// Restores factory settings. `option` says what to keep (the ID, the baud rate). The device reboots.
    public func factoryReset(id: UInt8, option: FactoryResetOption = .allButIDAndBaudRate) throws(ServoBusError) {
        try ServoBus.check(id: id, allowBroadcast: true)
        if id == PacketFraming.broadcastID, option == .all {
            throw .invalidArgument(
                "A broadcast factory reset that also resets IDs would give every motor ID 1; reset one motor at a time."
            )
        }
        try locked { _ = try $0.transact(.factoryReset(option), to: id, expectedLength: 0) }
    }

    /// Clears the multi-turn position count (the device must not be moving).
    public func clear(id: UInt8) throws(ServoBusError) {
        try ServoBus.check(id: id, allowBroadcast: true)
        try locked { _ = try $0.transact(.clear, to: id, expectedLength: 0) }
    }

    // MARK: - Several devices

    /// Reads the same `length` bytes at `address` from each device in `ids`. Each ID maps to its data or to
    /// why it failed; a missing motor does not hide the others. `attempts` caps the attempts below what the
    /// configuration allows (a control loop that asks again on its next tick anyway); `nil` leaves them as
    /// configured.
    public func syncRead(address: UInt16, length: Int, ids: [UInt8], attempts: Int? = nil) throws(ServoBusError)
        -> [UInt8: Result<[UInt8], ServoBusError>]
    {
        let count = try ServoBus.checkGroup(ids: ids, length: length)
        return try locked { engine in
            try engine.collectStatuses(
                ids.map { .init(id: $0, address: address, length: length) }, instruction: .syncRead,
                attempts: attempts
            ) { .syncRead(address: address, length: count, ids: $0.map(\.id)) }
        }
    }

    /// Like `syncRead`, with one combined reply (about a third less time on the wire; firmware 46 or later).
    public func fastSyncRead(address: UInt16, length: Int, ids: [UInt8], attempts: Int? = nil) throws(ServoBusError)
        -> [UInt8: Result<[UInt8], ServoBusError>]
    {
        let count = try ServoBus.checkGroup(ids: ids, length: length)
        return try locked { engine in
            try engine.collectFastReply(
                ids.map { .init(id: $0, address: address, length: length) }, instruction: .fastSyncRead,
                attempts: attempts
            ) { .fastSyncRead(address: address, length: count, ids: $0.map(\.id)) }
        }
    }

    /// Writes `length` bytes at `address` on several devices at once; `values` maps each ID to its bytes.
    /// Nothing answers.
    public func syncWrite(address: UInt16, length: Int, values: [UInt8: [UInt8]]) throws(ServoBusError) {
        let count = try ServoBus.checkGroup(ids: Array(values.keys), length: length)
        for (id, data) in values where data.count != length {
            throw .invalidArgument("Sync Write of \(length) bytes: motor \(id) was given \(data.count) bytes.")
        }
        let entries = values.keys.sorted().map { SyncWriteEntry(id: $0, data: values[$0] ?? []) }
        try locked {
            _ = try $0.transact(
                .syncWrite(address: address, length: count, entries: entries), to: PacketFraming.broadcastID,
                expectedLength: nil)
        }
    }

    /// Reads a different address and length from each device. Each ID maps to its data or to why it failed.
    public func bulkRead(_ entries: [BulkReadEntry]) throws(ServoBusError) -> [UInt8: Result<[UInt8], ServoBusError>] {
        try ServoBus.checkBulk(entries.map(\.id), lengths: entries.map { Int($0.length) })
        return try locked { engine in
            try engine.collectStatuses(
                entries.map { .init(id: $0.id, address: $0.address, length: Int($0.length)) }, instruction: .bulkRead
            ) { .bulkRead($0.map { BulkReadEntry(id: $0.id, address: $0.address, length: UInt16($0.length)) }) }
        }
    }

    /// Like `bulkRead`, with one combined reply (firmware 46 or later).
    public func fastBulkRead(_ entries: [BulkReadEntry]) throws(ServoBusError) -> [UInt8: Result<
        [UInt8], ServoBusError
    >] {
        try ServoBus.checkBulk(entries.map(\.id), lengths: entries.map { Int($0.length) })
        return try locked { engine in
            try engine.collectFastReply(
                entries.map { .init(id: $0.id, address: $0.address, length: Int($0.length)) },
                instruction: .fastBulkRead
            ) { .fastBulkRead($0.map { BulkReadEntry(id: $0.id, address: $0.address, length: UInt16($0.length)) }) }
        }
    }

    /// Writes a different address and data on each device at once. Nothing answers.
    public func bulkWrite(_ entries: [BulkWriteEntry]) throws(ServoBusError) {
        try ServoBus.checkBulk(entries.map(\.id), lengths: entries.map(\.data.count))
        try locked { _ = try $0.transact(.bulkWrite(entries), to: PacketFraming.broadcastID, expectedLength: nil) }
    }

    // MARK: - Argument checks (nothing is sent when they fail)

    static func check(id: UInt8, allowBroadcast: Bool) throws(ServoBusError) {
        if id <= PacketFraming.maxDeviceID || (allowBroadcast && id == PacketFraming.broadcastID) { return }
        throw .invalidArgument(
            "Motor ID \(id) is not valid: IDs go from 0 to 252"
                + (allowBroadcast ? " (254 addresses every motor)." : "; this call needs one motor."))
    }

    static func check(length: Int) throws(ServoBusError) -> UInt16 {
        guard length >= 1, length <= 1024 else {
            throw .invalidArgument("A length of \(length) bytes is not valid: use 1 to 1024.")
        }
        return UInt16(length)
    }

    static func checkGroup(ids: [UInt8], length: Int) throws(ServoBusError) -> UInt16 {
        guard !ids.isEmpty else { throw .invalidArgument("Give at least one motor ID.") }
        for id in ids { try check(id: id, allowBroadcast: false) }
        guard Set(ids).count == ids.count else { throw .invalidArgument("Each motor ID may appear only once.") }
        return try check(length: length)
    }

    static func checkBulk(_ ids: [UInt8], lengths: [Int]) throws(ServoBusError) {
        guard !ids.isEmpty else { throw .invalidArgument("Give at least one motor ID.") }
        for id in ids { try check(id: id, allowBroadcast: false) }
        guard Set(ids).count == ids.count else {
            throw .invalidArgument("Each motor may appear only once in a bulk read or write.")
        }
        for length in lengths { _ = try check(length: length) }
    }
}
