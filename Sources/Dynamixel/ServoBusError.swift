/// Why a `ServoBus` call failed, with what a user can do about it.
public enum ServoBusError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The device never answered (after every retry).
    case noReply(id: UInt8)
    /// The device answered with an error number. `address` is the register concerned, when there is one.
    case statusError(id: UInt8, error: StatusError, instruction: Instruction, address: UInt16?)
    /// The transport failed (unplugged adapter, closed port…).
    case transport(TransportError)
    /// Replies from the device kept arriving damaged (bad CRC, bytes missing, garbage), after every retry: the
    /// device is there, the link is noisy.
    case corrupted(id: UInt8)
    /// The device answered, but not in the shape the request calls for (wrong data length).
    case unexpectedReply(id: UInt8, detail: String)
    /// The call itself is wrong (an ID out of range, data of the wrong size…); nothing was sent.
    case invalidArgument(String)
    /// A typed write with a value the register does not accept; nothing was sent.
    case invalidValue(RegisterValueError)
    /// An EEPROM register write while the motor's torque is on (the motor would refuse it); nothing was written.
    case torqueIsOn(id: UInt8, register: String)
    /// A goal position outside the motor's configured position limits; nothing was written.
    case outsidePositionLimits(id: UInt8, value: Int, limits: ClosedRange<Int>)

    /// The device concerned, when there is one.
    public var id: UInt8? {
        switch self {
        case .noReply(let id), .statusError(let id, _, _, _), .corrupted(let id), .unexpectedReply(let id, _),
            .torqueIsOn(let id, _), .outsidePositionLimits(let id, _, _):
            id
        case .transport, .invalidArgument, .invalidValue: nil
        }
    }

    public var description: String {
        switch self {
        case .noReply(let id):
            return """
                Motor \(id) did not answer. Check that the robot is powered (the motors need the power supply, not \
                only USB), that the cable is plugged in, and that a motor with ID \(id) exists at this baud rate \
                (run `reachy scan`).
                """
        case .statusError(let id, let error, let instruction, let address):
            var what = "\(instruction)"
            if let address {
                what += " at address \(address)" + (ControlTable.registerName(at: address).map { " (\($0))" } ?? "")
            }
            var text = "Motor \(id) refused \(what): \(error.error?.description ?? "error \(error.number)")."
            if let hint = error.error.map(ServoBusError.hint(for:)), !hint.isEmpty { text += " " + hint }
            if error.alert { text += " " + ServoBusError.alertHint(id) }
            return text
        case .transport(let error):
            return error.description
        case .corrupted(let id):
            return """
                Motor \(id) answers, but its replies arrive corrupted (bad checksum, bytes missing) on every attempt: \
                check the cable and connectors (reseat every plug of the daisy chain, look for a damaged wire), make \
                sure no other program uses the port, and that the baud rate matches the motors.
                """
        case .unexpectedReply(let id, let detail):
            return """
                Motor \(id) sent an unexpected reply (\(detail)). Another program may be talking on the bus, or two \
                motors share ID \(id); stop the other program or run `reachy scan`.
                """
        case .invalidArgument(let message):
            return message
        case .invalidValue(let error):
            return error.description
        case .torqueIsOn(let id, let register):
            return """
                \(register) is stored in EEPROM and motor \(id) has torque on, so the motor would refuse the write. \
                Turn torque off first (`reachy write \(id) torque_enable 0`), or force the write.
                """
        case .outsidePositionLimits(let id, let value, let limits):
            return """
                Goal position \(value) is outside motor \(id)'s position limits (\(limits.lowerBound) to \
                \(limits.upperBound), registers 52 and 48); choose a position inside them.
                """
        }
    }

    /// What to do about each error number.
    static func hint(for error: ProtocolError) -> String {
        switch error {
        case .resultFail: "The motor may be moving or busy; stop it and retry."
        case .instructionError:
            "The motor's firmware may not support this instruction (Fast Sync/Bulk Read and Backup need firmware 46 or later), or Action was sent without a Reg Write."
        case .crcError: "The motor received a corrupted packet: check the cable and connectors."
        case .dataRangeError: "Send a value inside the register's range (`reachy read` shows the register)."
        case .dataLengthError: "Write the whole register (all of its bytes) at once."
        case .dataLimitError:
            "The value is outside the limits configured in the motor (position, velocity or current limits)."
        case .accessError:
            "The register may be read-only or undefined; if it is in EEPROM (addresses 0–63), turn torque off first (write 0 to Torque Enable, address 64)."
        case .unknown: ""
        }
    }

    static func alertHint(_ id: UInt8) -> String {
        "The motor also reports a hardware error: read Hardware Error Status (address 70) on motor \(id); only a reboot clears it."
    }

}
