public import Dynamixel
public import ReachyMiniDescription

extension Diagnostics {
    /// The lowest supply voltage at which the official controller lets the motors start (4.5 V).
    public static let minimumSupplyVolts = 4.5

    /// Checks the motors through an open bus against the robot description: all present, the right models,
    /// supply voltage, hardware errors, and the EEPROM settings the robot needs (return delay, homing offset,
    /// position limits, shutdown, operating mode). Blocking; a few dozen bus transactions.
    public static func motorChecks(bus: ServoBus, port: String, description: RobotDescription) -> [DoctorCheck] {
        var present: [MotorDescription] = []
        var wrongModel: [String] = []
        for motor in description.motors {
            guard let reply = try? bus.ping(motor.id) else { continue }
            present.append(motor)
            if reply.modelNumber != motor.model.number {
                wrongModel.append(
                    "\(motor.name) (ID \(motor.id)) is a \(reply.modelName), expected \(motor.model.name)")
            }
        }
        let missing = description.motors.filter { motor in !present.contains { $0.id == motor.id } }
        var checks: [DoctorCheck] = []
        let all = description.motors.count
        if present.isEmpty {
            checks.append(
                DoctorCheck(
                    title: "Motors answer", status: .failed, detail: "No motor answers on \(port).",
                    fix: "Plug in the robot's power supply and switch it on; then run `reachy doctor` again."))
            return checks
        }
        if missing.isEmpty {
            checks.append(DoctorCheck(title: "Motors answer", status: .ok, detail: "All \(all) motors answer."))
        } else {
            let names = missing.map { "\($0.name) (ID \($0.id))" }.joined(separator: ", ")
            checks.append(
                DoctorCheck(
                    title: "Motors answer", status: .failed,
                    detail: "\(present.count) of \(all) motors answer; missing: \(names).",
                    fix: "Check the cable to the missing motors (they are daisy-chained), then power-cycle the robot."))
        }
        checks.append(
            wrongModel.isEmpty
                ? DoctorCheck(title: "Motor models", status: .ok, detail: "Every motor is the expected model.")
                : DoctorCheck(
                    title: "Motor models", status: .warning, detail: wrongModel.joined(separator: "; ") + ".",
                    fix: "A motor was replaced with another model; make sure its ID and settings are right."))

        let volts = present.compactMap { motor in
            (try? bus.read(.presentInputVoltage, from: motor.id)).map { DynamixelUnits.volts(fromRaw: $0) }
        }
        if let lowest = volts.min() {
            let text = "\(Double(Int(lowest * 10)) / 10) V"
            checks.append(
                lowest >= minimumSupplyVolts
                    ? DoctorCheck(title: "Supply voltage", status: .ok, detail: "Lowest motor reads \(text).")
                    : DoctorCheck(
                        title: "Supply voltage", status: .failed,
                        detail: "Lowest motor reads \(text); the motors need at least \(minimumSupplyVolts) V.",
                        fix: "Use the robot's own power supply and check that it is firmly plugged in."))
        }

        var faults: [String] = []
        for motor in present {
            if let raw = try? bus.read(.hardwareErrorStatus, from: motor.id), raw != 0 {
                faults.append("\(motor.name): \(HardwareErrorStatus(rawValue: UInt8(truncatingIfNeeded: raw)))")
            }
        }
        checks.append(
            faults.isEmpty
                ? DoctorCheck(title: "Hardware errors", status: .ok, detail: "No motor reports a hardware error.")
                : DoctorCheck(
                    title: "Hardware errors", status: .warning, detail: faults.joined(separator: "; ") + ".",
                    fix: "Let the motors cool down and free any blocked joint; `reachy wake` reboots faulty motors."))

        var mismatches: [String] = []
        for motor in present {
            let expected: [(Register, Int)] = [
                (.returnDelayTime, Int(motor.returnDelayTime)), (.homingOffset, Int(motor.homingOffset)),
                (.minPositionLimit, Int(motor.positionLimits.min)), (.maxPositionLimit, Int(motor.positionLimits.max)),
                (.shutdown, Int(motor.shutdown)), (.operatingMode, Int(motor.operatingMode)),
            ]
            for (register, value) in expected {
                guard let actual = try? bus.read(register, from: motor.id) else { continue }
                if actual != value {
                    mismatches.append("\(motor.name) \(register.key) is \(actual), expected \(value)")
                }
            }
        }
        checks.append(
            mismatches.isEmpty
                ? DoctorCheck(
                    title: "Motor settings", status: .ok, detail: "EEPROM settings match hardware/reachy-mini.json.")
                : DoctorCheck(
                    title: "Motor settings", status: .warning, detail: mismatches.joined(separator: "; ") + ".",
                    fix: "`reachy wake` rewrites the expected settings before moving (torque off first)."))
        return checks
    }
}
