public import Dynamixel

/// What the servo does with each instruction, with the checks a real X330 makes (dynamixel.md §1.4–1.5, §2).
extension VirtualServo {
    /// Ping's reply parameters: model number (LE) and firmware version.
    public var pingData: [UInt8] {
        Array(memory[T.modelNumber.addresses]) + [memory[T.firmwareVersion.address]]
    }

    /// Status Return Level (68): 0 answers Ping only, 1 adds reads, 2 answers everything.
    public var statusReturnLevel: UInt8 { memory[T.statusReturnLevel.address] }

    /// Whether a status packet goes back for `instruction` at the current Status Return Level. Ping is always
    /// answered; Sync and Bulk Read (fast or not) count as reads.
    public func answers(_ instruction: Instruction) -> Bool {
        switch instruction {
        case .ping: return true
        case .read, .syncRead, .fastSyncRead, .bulkRead, .fastBulkRead: return statusReturnLevel >= 1
        default: return statusReturnLevel >= 2
        }
    }

    /// Reads `length` bytes at `address`. An undefined first address, or a range past the end of the table, is an
    /// Access Error (the reply then carries no data); undefined bytes inside a defined range read as 0. Indirect
    /// Data reads the byte its Indirect Address names.
    public func read(address: Int, length: Int) -> Result<[UInt8], ProtocolError> {
        guard length > 0 else { return .success([]) }
        guard address >= 0, address + length <= VirtualControlTable.size, T.register(at: address) != nil else {
            return .failure(.accessError)
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(length)
        for current in address..<(address + length) {
            guard let register = T.register(at: current) else {
                bytes.append(0)
                continue
            }
            if register.address >= 208 {
                let target = Int(value(T.indirectAddresses[register.address - 208]))
                bytes.append(target >= 0 && target < memory.count && target < 208 ? memory[target] : 0)
            } else {
                bytes.append(memory[current])
            }
        }
        return .success(bytes)
    }

    /// Checks a write of `data` at `address` without applying it: the error a real servo would answer, if any.
    /// Order: Access (undefined, read-only, EEPROM while torque is on), then Data Length (a multi-byte register
    /// written in part), then Data Range / Data Limit on the values.
    public func validateWrite(address: Int, data: [UInt8]) -> ProtocolError? {
        guard !data.isEmpty else { return .dataLengthError }
        let end = address + data.count
        guard address >= 0, end <= VirtualControlTable.size else { return .accessError }
        var touched: [VirtualRegister] = []
        for current in address..<end {
            guard let register = T.register(at: current) else { return .accessError }
            if touched.last != register { touched.append(register) }
        }
        for register in touched {
            if register.access == .readOnly { return .accessError }
            if register.isEEPROM && torqueEnabled { return .accessError }
        }
        if let first = touched.first, first.address != address { return .dataLengthError }
        if let last = touched.last, last.address + last.size != end { return .dataLengthError }
        var proposed = memory
        for (offset, byte) in data.enumerated() { proposed[address + offset] = byte }
        for register in touched {
            if let error = check(register, in: proposed) { return error }
        }
        return nil
    }

    /// The error for `register`'s value in `table`, if it is not acceptable.
    func check(_ register: VirtualRegister, in table: [UInt8]) -> ProtocolError? {
        let value = register.decode(table[register.addresses])
        func current(_ other: VirtualRegister) -> Int64 { other.decode(table[other.addresses]) }
        switch register.check {
        case .none:
            return nil
        case .range(let low, let high):
            return value < low || value > high ? .dataRangeError : nil
        case .oneOf(let allowed):
            return allowed.contains(value) ? nil : .dataRangeError
        case .limit:
            switch register {
            case T.currentLimit:
                return value < 0 || value > Int64(model.currentLimit) ? .dataRangeError : nil
            case T.goalPWM:
                return abs(value) > current(T.pwmLimit) ? .dataLimitError : nil
            case T.goalCurrent:
                return abs(value) > current(T.currentLimit) ? .dataLimitError : nil
            case T.goalVelocity:
                return abs(value) > current(T.velocityLimit) ? .dataLimitError : nil
            case T.goalPosition:
                let mode = table[T.operatingMode.address]
                if mode == 3 || mode == 5 {
                    return value < current(T.minPositionLimit) || value > current(T.maxPositionLimit)
                        ? .dataLimitError : nil
                }
                if mode == 4 { return abs(value) > 1_048_575 ? .dataLimitError : nil }
                return nil
            default:
                return nil
            }
        }
    }

    /// Writes `data` at `address` if the servo accepts it; returns the error otherwise (nothing is written).
    public mutating func write(address: Int, data: [UInt8]) -> ProtocolError? {
        if let error = validateWrite(address: address, data: data) { return error }
        let hadTorque = torqueEnabled
        let previousMode = operatingMode
        let turnsTorqueOn =
            address <= T.torqueEnable.address && address + data.count > T.torqueEnable.address
            && data[T.torqueEnable.address - address] == 1
        if turnsTorqueOn && !hadTorque && hardwareErrorStatus & memory[T.shutdown.address] != 0 {
            // After a shutdown the firmware keeps torque off until a Reboot.
            return .resultFail
        }
        let shaftBefore = shaftPosition
        for (offset, byte) in data.enumerated() {
            let target = address + offset
            if target >= 208, let indirect = T.register(at: target), indirect.address >= 208 {
                writeIndirect(index: target - 208, byte: byte)
            } else {
                memory[target] = byte
            }
        }
        if operatingMode != previousMode { operatingModeChanged() }
        if address <= T.goalPosition.address && address + data.count >= T.goalPosition.address + 4 {
            profileDistance = Double(value(T.goalPosition)) - presentExact
        }
        // Homing Offset and Drive Mode change the reading, not the horn.
        shaftPosition = shaftBefore
        checkVoltage()
        refresh()
        return nil
    }

    /// Indirect Data writes go to the byte named by the Indirect Address when that byte is writable now.
    mutating func writeIndirect(index: Int, byte: UInt8) {
        let target = Int(value(T.indirectAddresses[index]))
        guard let register = T.register(at: target), register.access == .readWrite, register.address < 208,
            !(register.isEEPROM && torqueEnabled)
        else { return }
        memory[target] = byte
    }

    /// What the firmware resets when the operating mode changes: the profile, and Goal PWM / Goal Current to
    /// their limits. (The e-manual also reloads mode-specific gains; the simulator keeps the configured gains.)
    mutating func operatingModeChanged() {
        set(T.profileVelocity, 0)
        set(T.profileAcceleration, 0)
        set(T.goalPWM, value(T.pwmLimit))
        set(T.goalCurrent, value(T.currentLimit))
        set(T.goalVelocity, 0)
        set(T.goalPosition, Int64(presentExact.rounded()))
    }

    /// Reg Write: checks and stores the write for a later Action; sets Registered Instruction (69).
    public mutating func registerWrite(address: Int, data: [UInt8]) -> ProtocolError? {
        if let error = validateWrite(address: address, data: data) { return error }
        registeredWrite = (address, data)
        memory[T.registeredInstruction.address] = 1
        return nil
    }

    /// Action: runs the registered write. Without one it is an Instruction Error.
    public mutating func action() -> ProtocolError? {
        guard let registered = registeredWrite else { return .instructionError }
        registeredWrite = nil
        memory[T.registeredInstruction.address] = 0
        return write(address: registered.address, data: registered.data)
    }

    /// Reboot: the RAM area returns to its power-on values (torque off, gains and Status Return Level at their
    /// defaults, Goal Position = present), Hardware Error Status is cleared, and Startup Configuration applies.
    public mutating func reboot() {
        var fresh = memory
        VirtualServo.loadRAMDefaults(into: &fresh, model: model)
        for address in 64..<VirtualControlTable.size where !isDynamic(address) { memory[address] = fresh[address] }
        memory[T.hardwareErrorStatus.address] = 0
        registeredWrite = nil
        velocity = 0
        acceleration = 0
        uptime = .zero
        temperature = min(temperature, Double(value(T.temperatureLimit)) - 5)
        let startup = memory[T.startupConfiguration.address]
        if startup & 0x02 != 0, let backup {
            restoreWritable(from: backup, ramOnly: true)
        }
        set(T.goalPosition, Int64(presentExact.rounded()))
        if startup & 0x01 != 0 { memory[T.torqueEnable.address] = 1 }
        checkVoltage()
        refresh()
    }

    /// Whether `address` holds a value the physical model computes.
    func isDynamic(_ address: Int) -> Bool {
        guard let register = T.register(at: address) else { return false }
        return register.access == .readOnly && register.address >= 120 && register.address < 147
    }

    /// Factory Reset: every register back to the ROBOTIS default, keeping the ID and/or baud rate as asked. The
    /// servo then reboots (torque off, error status cleared).
    public mutating func factoryReset(_ option: FactoryResetOption) {
        let keptID = memory[T.id.address]
        let keptBaud = memory[T.baudRate.address]
        let firmware = memory[T.firmwareVersion.address]
        let position = presentExact
        memory = VirtualServo.factoryMemory(model: model, firmware: firmware)
        backup = nil
        switch option {
        case .all: break
        case .allButID: memory[T.id.address] = keptID
        case .allButIDAndBaudRate:
            memory[T.id.address] = keptID
            memory[T.baudRate.address] = keptBaud
        }
        shaftPosition = position  // Homing Offset is back to 0 and the drive mode is normal.
        reboot()
    }

    /// Clear: resets the multi-turn count (present position back within one turn). Result Fail while moving.
    public mutating func clearMultiTurn() -> ProtocolError? {
        guard abs(velocity) < 1e-9 else { return .resultFail }
        let position = presentExact
        let turns = (position / VirtualServo.pulsesPerRevolution).rounded(.down)
        moveShaft(by: -turns * VirtualServo.pulsesPerRevolution)
        if operatingMode == 4 { set(T.goalPosition, Int64(presentExact.rounded())) }
        refresh()
        return nil
    }

    /// Control Table Backup: store or restore every writable register. Needs torque off (else Access Error);
    /// restoring without a stored backup is a Result Fail.
    public mutating func controlTableBackup(_ operation: BackupOperation) -> ProtocolError? {
        guard !torqueEnabled else { return .accessError }
        switch operation {
        case .store:
            backup = memory
            memory[T.backupReady.address] = 1
        case .restore:
            guard let backup else { return .resultFail }
            restoreWritable(from: backup, ramOnly: false)
        }
        refresh()
        return nil
    }

    mutating func restoreWritable(from saved: [UInt8], ramOnly: Bool) {
        for register in T.registers where register.access == .readWrite && (!ramOnly || !register.isEEPROM) {
            guard register != T.torqueEnable else { continue }
            for address in register.addresses { memory[address] = saved[address] }
        }
    }
}
