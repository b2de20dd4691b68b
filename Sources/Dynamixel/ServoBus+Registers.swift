extension ServoBus {
    /// Reads a register of one motor and decodes it (sign-extended when signed).
    ///
    /// ```swift
    /// let position = try bus.read(.presentPosition, from: 11)   // e.g. 2048
    /// ```
    public func read(_ register: Register, from id: UInt8) throws(ServoBusError) -> Int {
        let bytes = try read(id: id, address: register.address, length: register.size)
        guard let value = register.value(from: bytes) else {
            throw .unexpectedReply(
                id: id, detail: "\(bytes.count) bytes for the \(register.size)-byte \(register.name)")
        }
        return value
    }

    /// Writes a register of one motor, after checking that the register is writable and the value in range.
    /// An EEPROM register (addresses 0–63) is refused while the motor's torque is on, unless `force` is set
    /// (the motor itself would then answer Access Error). A Goal Position in position mode (Operating Mode 3) is
    /// refused outside the motor's Min/Max Position Limit, `force` or not.
    public func write(_ register: Register, value: Int, to id: UInt8, force: Bool = false) throws(ServoBusError) {
        try ServoBus.check(id: id, allowBroadcast: false)
        let bytes: [UInt8]
        do throws(RegisterValueError) {
            bytes = try register.encodeForWrite(value)
        } catch {
            throw .invalidValue(error)
        }
        if register.requiresTorqueOff, !force, try read(.torqueEnable, from: id) != 0 {
            throw .torqueIsOn(id: id, register: register.name)
        }
        if register == .goalPosition, try read(.operatingMode, from: id) == 3 {
            let limits = try read(id: id, address: Register.maxPositionLimit.address, length: 8)
            let maximum = Register.maxPositionLimit.value(from: Array(limits[0..<4])) ?? 4095
            let minimum = Register.minPositionLimit.value(from: Array(limits[4..<8])) ?? 0
            if minimum <= maximum, !(minimum...maximum).contains(value) {
                throw .outsidePositionLimits(id: id, value: value, limits: minimum...maximum)
            }
        }
        try write(id: id, address: register.address, data: bytes)
    }
}
