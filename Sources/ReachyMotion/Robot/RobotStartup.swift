public import Dynamixel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The startup sequence of the official controller (reachy_mini.md §1.5), and then some. Blocking: run it on a
/// dedicated thread or queue, never on the Swift cooperative pool.
///
/// 1. every motor answers (else ``StartupError/noMotors(port:)`` / ``StartupError/missingMotors(_:port:)``);
/// 2. the supply reaches 4.5 V on every motor (polled every 100 ms, else ``StartupError/lowSupply(volts:minimum:waited:)``);
/// 3. motors with a hardware error other than input voltage are rebooted, then pinged until they answer;
/// 4. firmware versions are read (Fast Sync Read needs 46 or later on every motor);
/// 5. the EEPROM configuration (return delay, operating mode, homing offset, position limits, shutdown) is compared
///    with the expected ``RobotConfiguration``; mismatches are rewritten with torque off and checked again;
/// 6. position PID gains are written (one 6-byte write at address 80: D, I, P);
/// 7. when asked, goal = present ("pin"), then torque on; otherwise torque is left as found and reported.
///
/// The sequence can be stopped from outside (Ctrl-C during the supply wait): `run` asks its `isCancelled` check
/// between steps and at every supply poll, and throws ``StartupError/cancelled(step:)`` before switching anything on.
public struct RobotStartup: Sendable {
    /// What the sequence found and did.
    public struct Report: Sendable, Equatable {
        /// Firmware Version by motor name.
        public var firmware: [String: Int] = [:]
        /// Whether every motor supports Fast Sync Read (firmware ≥ 46).
        public var fastSyncRead = false
        /// Motors rebooted because of a hardware error, with the status they had.
        public var rebooted: [String: UInt8] = [:]
        /// EEPROM values rewritten: "motor.register: found → expected".
        public var rewritten: [String] = []
        /// Supply voltage by motor name after the wait.
        public var supplyVolts: [String: Double] = [:]
        /// Whether every motor has torque on at the end (switched on, or found on when not asked to).
        public var torqueOn = false
        /// What was done differently from the bus sequence, for a robot driven through another link (a daemon):
        /// which steps were skipped and why, one sentence each. Empty after a bus startup.
        public var notes: [String] = []

        public init() {}
    }

    /// Minimum supply, volts (the official 4.5 V).
    public var minimumSupply = 4.5
    /// How long to wait for the supply, seconds.
    public var supplyTimeout = 30.0
    /// How long a rebooted motor may take to answer again, seconds.
    public var rebootTimeout = 1.0
    /// The expected motor table.
    public var configuration: RobotConfiguration
    /// How many extra attempts a transaction gets during startup when its replies arrive damaged (the bus's
    /// `noiseRetries` is raised to this for the sequence, then restored): startup is not in a hurry, and a noisy
    /// link should still come up. Silence is not retried longer, so a missing motor is reported as quickly.
    public var noiseRetries = 30
    /// Told, once, what the sequence is waiting for when it has to wait (a low supply), so that a user is not left
    /// looking at a silent terminal for up to ``supplyTimeout`` seconds.
    public var notice: (@Sendable (String) -> Void)?

    public init(
        configuration: RobotConfiguration = .reachyMini, minimumSupply: Double = 4.5, supplyTimeout: Double = 30
    ) {
        self.configuration = configuration
        self.minimumSupply = minimumSupply
        self.supplyTimeout = supplyTimeout
    }

    /// Runs every step on `bus`; with `enableTorque`, pins goals to present positions and switches torque on.
    /// `isCancelled` is asked between steps and at every supply poll (every 100 ms): once it says yes, `run` throws
    /// ``StartupError/cancelled(step:)`` without switching torque on.
    public func run(
        on bus: ServoBus, enableTorque: Bool, isCancelled: () -> Bool = { false }
    ) throws(StartupError) -> Report {
        var report = Report()
        let motors = configuration.motors
        let ids = motors.map(\.id)
        let port = bus.transport.name
        func name(_ id: UInt8) -> String { configuration.motor(id: id)?.name ?? "motor \(id)" }
        let saved = bus.configuration
        if saved.noiseRetries < noiseRetries {
            var patient = saved
            patient.noiseRetries = noiseRetries
            bus.configuration = patient
        }
        defer { bus.configuration = saved }
        let before = bus.statistics
        /// Replies arrive, damaged: noise, not absence nor power.
        func noisy(_ what: String, _ ids: [UInt8]) -> StartupError {
            let now = bus.statistics
            return .noisyLink(
                step: what, motors: ids.map(name), corrupted: max(0, now.noisyAttempts - before.noisyAttempts),
                attempts: max(0, now.replyAttempts - before.replyAttempts), port: port)
        }
        func step<T>(_ what: String, _ body: () throws(ServoBusError) -> T) throws(StartupError) -> T {
            do {
                return try body()
            } catch .corrupted(let id) {
                throw noisy(what, [id])
            } catch {
                throw .bus(step: what, message: error.description)
            }
        }
        func corrupted(_ results: [UInt8: Result<[UInt8], ServoBusError>]) -> [UInt8] {
            ids.filter { id in
                if case .failure(.corrupted)? = results[id] { return true }
                return false
            }
        }

        // 1. Presence. A motor whose replies arrive damaged is there: that is noise, reported as such.
        // A silent motor is asked twice more before it counts as missing: a reply lost whole (a link that has just
        // opened, a host too busy to read in time) is not an absent motor.
        var silent = motors
        var garbled: [UInt8] = []
        for _ in 0..<3 where !silent.isEmpty {
            var stillSilent: [MotorConfiguration] = []
            for motor in silent {
                do {
                    _ = try bus.ping(motor.id)
                } catch .transport(let error) {
                    throw .bus(step: "looking for the motors", message: error.description)
                } catch .corrupted {
                    garbled.append(motor.id)
                } catch {
                    stillSilent.append(motor)
                }
            }
            silent = stillSilent
        }
        let missing = silent.map(\.name)
        if missing.count == motors.count { throw .noMotors(port: port) }
        if !missing.isEmpty { throw .missingMotors(missing, port: port) }
        if !garbled.isEmpty { throw noisy("looking for the motors", garbled) }
        func checkCancelled(_ step: String) throws(StartupError) {
            if isCancelled() { throw .cancelled(step: step) }
        }

        // 2. Supply voltage.
        let started = PeriodicThread.now()
        var noisyReads = 0
        var told = false
        while true {
            try checkCancelled("waiting for the supply voltage")
            let results = try step("reading the supply voltage") { () throws(ServoBusError) in
                try bus.syncRead(address: Register.presentInputVoltage.address, length: 2, ids: ids)
            }
            // A reading lost to noise says nothing about the supply: read again at once, a few times, then say
            // it is noise (never "low supply").
            let damaged = corrupted(results)
            if !damaged.isEmpty {
                noisyReads += 1
                if noisyReads > 3 { throw noisy("reading the supply voltage", damaged) }
                continue
            }
            var volts: [String: Double] = [:]
            for id in ids {
                if case .success(let bytes)? = results[id], bytes.count == 2 {
                    volts[name(id)] = Double(Int(bytes[0]) | Int(bytes[1]) << 8) / 10
                }
            }
            report.supplyVolts = volts
            if volts.count == ids.count, volts.values.allSatisfy({ $0 >= minimumSupply - 1e-9 }) { break }
            let waited = Double(PeriodicThread.now() &- started) / 1e9
            if waited >= supplyTimeout {
                throw .lowSupply(volts: volts, minimum: minimumSupply, waited: supplyTimeout)
            }
            if !told, let notice {
                told = true
                let lowest = volts.values.min().map { String(format: "%.1f V", $0) } ?? "nothing"
                notice(
                    "The motor supply reads \(lowest) (at least \(String(format: "%.1f", minimumSupply)) V needed): "
                        + "waiting up to \(String(format: "%.0f", supplyTimeout)) s for it. Plug in the robot's power "
                        + "adapter and switch it on.")
            }
            Self.sleep(seconds: min(0.1, max(0.001, supplyTimeout - waited)))
        }

        // 3. Reboot motors with hardware errors other than input voltage.
        try checkCancelled("checking hardware errors")
        let errors = try step("reading hardware error status") { () throws(ServoBusError) in
            try bus.syncRead(address: Register.hardwareErrorStatus.address, length: 1, ids: ids)
        }
        for id in ids {
            guard case .success(let bytes)? = errors[id], let status = bytes.first, status & ~0x01 != 0 else {
                continue
            }
            try step("rebooting \(name(id))") { () throws(ServoBusError) in try bus.reboot(id: id) }
            report.rebooted[name(id)] = status
            let deadline = PeriodicThread.now() + UInt64(rebootTimeout * 1e9)
            var back = false
            while !back {
                try checkCancelled("waiting for \(name(id)) to reboot")
                if (try? bus.ping(id)) != nil {
                    back = true
                    break
                }
                if PeriodicThread.now() > deadline { break }
                Self.sleep(seconds: 0.01)
            }
            guard back else { throw .rebootFailed(motor: name(id), status: status) }
            let after = try step("reading hardware error status") { () throws(ServoBusError) in
                try bus.read(.hardwareErrorStatus, from: id)
            }
            if after & ~0x01 != 0 {
                throw .hardwareErrorPersists(motor: name(id), status: UInt8(truncatingIfNeeded: after))
            }
        }

        // 4. Firmware.
        try checkCancelled("reading firmware versions")
        for motor in motors {
            report.firmware[motor.name] = try step("reading firmware versions") { () throws(ServoBusError) in
                try bus.read(.firmwareVersion, from: motor.id)
            }
        }
        report.fastSyncRead = report.firmware.values.allSatisfy { $0 >= 46 }

        // 5. EEPROM configuration.
        for motor in motors {
            try checkCancelled("checking the EEPROM configuration")
            let checks: [(Register, Int)] = [
                (.returnDelayTime, Int(motor.returnDelayTime)), (.operatingMode, Int(motor.operatingMode)),
                (.homingOffset, Int(motor.homingOffset)), (.maxPositionLimit, Int(motor.maxPosition)),
                (.minPositionLimit, Int(motor.minPosition)), (.shutdown, Int(motor.shutdown)),
            ]
            for (register, expected) in checks {
                let found = try step("reading \(register.name) of \(motor.name)") { () throws(ServoBusError) in
                    try bus.read(register, from: motor.id)
                }
                guard found != expected else { continue }
                try step("switching torque off on \(motor.name)") { () throws(ServoBusError) in
                    try bus.write(.torqueEnable, value: 0, to: motor.id)
                }
                do {
                    try bus.write(register, value: expected, to: motor.id)
                } catch .corrupted {
                    throw noisy("writing \(register.name) of \(motor.name)", [motor.id])
                } catch {
                    throw .configurationRewriteFailed(
                        motor: motor.name, register: register.name, expected: expected, found: found)
                }
                let again: Int?
                do {
                    again = try bus.read(register, from: motor.id)
                } catch .corrupted {
                    throw noisy("reading \(register.name) of \(motor.name)", [motor.id])
                } catch {
                    again = nil
                }
                guard again == expected else {
                    throw .configurationRewriteFailed(
                        motor: motor.name, register: register.name, expected: expected, found: again)
                }
                report.rewritten.append("\(motor.name).\(register.name): \(found) → \(expected)")
            }
        }

        // 6. PID gains: D, I, P as three u16 LE from address 80.
        for motor in motors {
            let data = [motor.d, motor.i, motor.p].flatMap {
                [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)]
            }
            try step("writing the PID gains of \(motor.name)") { () throws(ServoBusError) in
                try bus.write(id: motor.id, address: Register.positionDGain.address, data: data)
            }
        }

        // 7. Pin goal = present, then torque on.
        try checkCancelled("switching torque on")
        if enableTorque {
            _ = try step("switching torque on") { () throws(ServoBusError) in try Self.pinAndEnable(bus: bus, ids: ids)
            }
            report.torqueOn = true
        } else {
            // Leave torque as found, and say how it is (the official backend infers the motor mode the same way).
            let torque = try step("reading torque state") { () throws(ServoBusError) in
                try bus.syncRead(address: Register.torqueEnable.address, length: 1, ids: ids)
            }
            report.torqueOn = ids.allSatisfy { id in
                if case .success(let bytes)? = torque[id] { return bytes.first == 1 }
                return false
            }
        }
        return report
    }

    /// Copies every present position into its goal position, then switches torque on (no snap).
    /// Returns the present positions (raw pulses, in `ids` order).
    @discardableResult
    public static func pinAndEnable(bus: ServoBus, ids: [UInt8]) throws(ServoBusError) -> [Int] {
        let present = try bus.syncRead(address: Register.presentPosition.address, length: 4, ids: ids)
        var goals: [UInt8: [UInt8]] = [:]
        for id in ids {
            switch present[id] {
            case .success(let bytes)? where bytes.count == 4: goals[id] = bytes
            case .failure(let error)?: throw error
            default: throw .noReply(id: id)
            }
        }
        try bus.syncWrite(address: Register.goalPosition.address, length: 4, values: goals)
        try bus.syncWrite(
            address: Register.torqueEnable.address, length: 1,
            values: Dictionary(uniqueKeysWithValues: ids.map { ($0, [1]) }))
        return ids.map { id in goals[id].map { Int(ServoBusMotorIO.int32($0)) } ?? 0 }
    }

    static func sleep(seconds: Double) {
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        nanosleep(&request, nil)
    }
}
