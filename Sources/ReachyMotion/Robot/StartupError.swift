import Foundation

/// Why connecting to the robot failed, one case per startup step, each saying what to do.
public enum StartupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No motor answered at all.
    case noMotors(port: String)
    /// Some motors did not answer (official names).
    case missingMotors([String], port: String)
    /// The supply stayed below the minimum for the whole wait. `volts` by motor name (nil = no reading).
    case lowSupply(volts: [String: Double], minimum: Double, waited: Double)
    /// A motor with a hardware error did not come back after its reboot.
    case rebootFailed(motor: String, status: UInt8)
    /// A motor still reports a hardware error after its reboot.
    case hardwareErrorPersists(motor: String, status: UInt8)
    /// The EEPROM configuration could not be rewritten to the expected value.
    case configurationRewriteFailed(motor: String, register: String, expected: Int, found: Int?)
    /// The expected configuration itself is unusable.
    case invalidConfiguration(String)
    /// A bus transaction failed during a step.
    case bus(step: String, message: String)
    /// The motors answer, but their replies keep arriving corrupted (bad checksums, bytes missing): electrical
    /// noise or a bad contact, not a missing motor nor the power supply. `corrupted` of `attempts` reply attempts
    /// during the startup were damaged; `motors` names those that never got a clean reply through.
    case noisyLink(step: String, motors: [String], corrupted: Int, attempts: Int, port: String)
    /// The startup was stopped from outside (Ctrl-C, SIGTERM, a cancelled task) while it was at `step`, before
    /// torque was switched on.
    case cancelled(step: String)

    public var description: String {
        switch self {
        case .noMotors(let port):
            return "No motor answers on \(port). Check the power supply: the motors need the robot's power adapter "
                + "plugged in and switched on, not only USB."
        case .missingMotors(let names, let port):
            return "These motors do not answer on \(port): \(names.joined(separator: ", ")). Check their cables "
                + "(they are daisy-chained: a loose plug cuts off the motors after it), then run `reachy doctor`."
        case .lowSupply(let volts, let minimum, let waited):
            let readings = volts.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.1f", $0.value)) V" }
            return
                "The motor supply stayed below \(String(format: "%.1f", minimum)) V for \(String(format: "%.0f", waited)) s"
                + (readings.isEmpty ? "" : " (\(readings.joined(separator: ", ")))")
                + ". Plug in the robot's power adapter (5 V, 3 A or more) and switch it on."
        case .rebootFailed(let motor, let status):
            return "Motor \(motor) reported hardware error \(HardwareErrorNames.describe(status)) and did not answer "
                + "after a reboot. Switch the robot off and on; if it persists, run `reachy doctor`."
        case .hardwareErrorPersists(let motor, let status):
            return "Motor \(motor) still reports \(HardwareErrorNames.describe(status)) after a reboot. Let it cool "
                + "down, free the joint if something blocks it, then switch the robot off and on."
        case .configurationRewriteFailed(let motor, let register, let expected, let found):
            return
                "Could not set \(register) of motor \(motor) to \(expected) (it reads \(found.map(String.init) ?? "nothing")). "
                + "Switch the robot off and on and retry; if it persists, run `reachy doctor`."
        case .invalidConfiguration(let message):
            return "The robot configuration is not usable: \(message). Fix hardware/reachy-mini.json."
        case .bus(let step, let message):
            return "Startup failed while \(step): \(message)"
        case .noisyLink(let step, let motors, let corrupted, let attempts, let port):
            let who = motors.isEmpty ? "" : " (from \(motors.joined(separator: ", ")))"
            return "Startup failed while \(step) on \(port): the motors answer, but replies arrive corrupted "
                + "(\(corrupted) of \(attempts))\(who): check the cable and connectors — reseat every plug of the "
                + "daisy chain and the USB cable, look for a damaged or pinched wire, keep the bus cable away from "
                + "the power wires — and make sure no other program uses the port. A motor that stalls can also "
                + "cause bursts of noise: free any blocked joint. Then run `reachy doctor`."
        case .cancelled(let step):
            return "Startup stopped while \(step), before the motors were switched on: nothing moved. Run the "
                + "command again when the robot is ready."
        }
    }
}

/// Names of the Hardware Error Status bits (address 70).
enum HardwareErrorNames {
    static func describe(_ status: UInt8) -> String {
        var names: [String] = []
        if status & 0x01 != 0 { names.append("input voltage") }
        if status & 0x04 != 0 { names.append("overheating") }
        if status & 0x08 != 0 { names.append("motor encoder") }
        if status & 0x10 != 0 { names.append("electrical shock") }
        if status & 0x20 != 0 { names.append("overload") }
        return names.isEmpty ? "0x\(String(status, radix: 16))" : names.joined(separator: " + ")
    }
}
