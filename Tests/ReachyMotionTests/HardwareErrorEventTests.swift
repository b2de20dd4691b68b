import Dynamixel
import Foundation
import ReachyMotion
import ReachySimulator
import Testing

/// A motor reporting a hardware error (input voltage, overheating…) is said, by name, ID and what to do: in
/// ``ReachyMini/hardwareErrors`` and, once per new error, as a ``RobotEvent/hardwareError(_:)`` event.
@Suite("Motor hardware errors on the simulator", .serialized)
struct HardwareErrorEventTests {
    @Test("an input-voltage error latched before connecting is listed as soon as connect returns")
    func voltageErrorAtConnect() async throws {
        var faults = SimulatorFaults()
        faults.voltageErrorIDs = [12]
        let link = SimulatedLink(faults: faults)
        let mini = try await ReachyMini.connect(transport: link.transport(), options: .test())
        defer { mini.close() }
        let expected = MotorHardwareError(motor: "stewart_2", id: 12, status: .inputVoltage)
        #expect(mini.hardwareErrors == [expected])
        #expect(
            expected.description.hasPrefix(
                "Motor stewart_2 (ID 12) reports a hardware error (input voltage): Input voltage error: the supply is "
                    + "outside the motor's voltage limits"))
        #expect(expected.description.contains("switching the robot off and on"))
    }

    @Test("a motor that overheats during a move is reported once as an event")
    func overheatDuringMove() async throws {
        let link = SimulatedLink()
        let mini = try await ReachyMini.connect(transport: link.transport(), options: .test())
        defer { mini.close() }
        #expect(mini.hardwareErrors.isEmpty)
        let stream = mini.events()
        let move = Task { try await mini.goto(head: .degrees(z: 0.005, roll: 8), duration: 3) }
        defer { move.cancel() }
        try await Task.sleep(for: .milliseconds(200))
        link.robot.bus.withServo(14) { $0.raiseHardwareError(.overheating) }
        // Polled once a second.
        #expect(await eventually(within: 5) { !mini.hardwareErrors.isEmpty })
        let expected = MotorHardwareError(motor: "stewart_4", id: 14, status: .overheating)
        #expect(mini.hardwareErrors == [expected])
        var reported: [MotorHardwareError] = []
        let reader = Task {
            var found: [MotorHardwareError] = []
            for await event in stream {
                if case .hardwareError(let error) = event { found.append(error) }
            }
            return found
        }
        try await Task.sleep(for: .milliseconds(1500))  // a second poll: the same error is not reported again
        mini.close()
        reported = await reader.value
        #expect(reported == [expected])
        #expect(RobotEvent.hardwareError(expected).description.contains("let it cool"))
    }
}
