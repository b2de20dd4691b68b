import Dynamixel
import ReachyMotion
import ReachySimulator
import Synchronization
import Testing

/// The startup sequence on the simulator, step by step (deterministic: virtual clock, no control loop).
@Suite("Robot startup")
struct StartupTests {
    func run(
        _ faults: SimulatorFaults = SimulatorFaults(), enable: Bool = true,
        prepare: (VirtualReachyMini) -> Void = { _ in }
    ) throws(StartupError) -> (RobotStartup.Report, VirtualReachyMini) {
        let robot = VirtualReachyMini(faults: faults)
        prepare(robot)
        let bus = ServoBus(transport: robot.makeTransport(), configuration: .inProcess)
        var startup = RobotStartup()
        startup.supplyTimeout = 0.3
        return (try startup.run(on: bus, enableTorque: enable), robot)
    }

    @Test("a healthy robot: torque on, goals pinned to present, fast sync read from firmware 52")
    func healthy() throws {
        let (report, robot) = try run { robot in robot.bus.setHandPosition(id: 17, 2500) }
        #expect(report.torqueOn)
        #expect(report.fastSyncRead)
        #expect(report.rebooted.isEmpty && report.rewritten.isEmpty)
        #expect(report.firmware["stewart_1"] == Int(ReachyMiniFactory.firmware))
        for id in robot.bus.ids {
            let servo = try #require(robot.bus.servo(id))
            #expect(servo.torqueEnabled)
            #expect(servo.goalPosition == servo.presentPosition)
        }
        #expect(robot.bus.servo(17)?.goalPosition == 2500)
    }

    @Test("torque stays off when not asked for")
    func noTorque() throws {
        let (report, robot) = try run(enable: false)
        #expect(!report.torqueOn)
        #expect(robot.bus.ids.allSatisfy { robot.bus.servo($0)?.torqueEnabled == false })
    }

    @Test("torque found on is left on and reported when not asked to switch it on")
    func torqueFoundOn() throws {
        let (report, robot) = try run(enable: false) { robot in
            for id in robot.bus.ids { robot.bus.withServo(id) { $0.poke(address: 64, bytes: [1]) } }
        }
        #expect(report.torqueOn)
        #expect(robot.bus.ids.allSatisfy { robot.bus.servo($0)?.torqueEnabled == true })
    }

    @Test("a missing motor is named")
    func missingMotor() {
        var faults = SimulatorFaults()
        faults.missingIDs = [14]
        #expect(throws: StartupError.missingMotors(["stewart_4"], port: "simulator")) { try run(faults) }
        let message = StartupError.missingMotors(["stewart_4"], port: "simulator").description
        #expect(message.contains("stewart_4") && message.contains("cables"))
    }

    @Test("no motor at all: check the power supply")
    func noMotors() {
        var faults = SimulatorFaults()
        faults.missingIDs = Set(10...18)
        #expect(throws: StartupError.noMotors(port: "simulator")) { try run(faults) }
        #expect(StartupError.noMotors(port: "simulator").description.contains("power supply"))
    }

    @Test("a low supply times out with the readings")
    func lowSupply() {
        var faults = SimulatorFaults()
        faults.supplyVoltage = 4.2
        do {
            _ = try run(faults)
            Issue.record("startup succeeded on a 4.2 V supply")
        } catch {
            guard case .lowSupply(let volts, let minimum, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(minimum == 4.5)
            #expect(volts.count == 9)
            #expect(volts.values.allSatisfy { abs($0 - 4.2) < 0.051 })
            #expect(error.description.contains("power adapter"))
        }
    }

    @Test("a cancelled startup ends the 30 s supply wait within a poll, before torque goes on, and says so")
    func cancelledSupplyWait() throws {
        var faults = SimulatorFaults()
        faults.supplyVoltage = 3.0
        let robot = VirtualReachyMini(faults: faults)
        let bus = ServoBus(transport: robot.makeTransport(), configuration: .inProcess)
        var startup = RobotStartup()  // the default 30 s wait
        let notices = Mutex<[String]>([])
        startup.notice = { text in notices.withLock { $0.append(text) } }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try startup.run(on: bus, enableTorque: true) { clock.now - start > .milliseconds(300) }
            Issue.record("startup succeeded on a 3 V supply")
        } catch {
            #expect(error == .cancelled(step: "waiting for the supply voltage"))
            #expect(error.description.contains("nothing moved"))
        }
        let waited = clock.now - start
        #expect(waited < .seconds(10), "the supply wait went on for \(waited) (cancelled after 0.3 s of 30)")
        #expect(robot.bus.ids.allSatisfy { robot.bus.servo($0)?.torqueEnabled == false })
        #expect(notices.withLock { $0 }.count == 1)
        #expect(
            notices.withLock { $0 }.first?.hasPrefix("The motor supply reads 3.0 V (at least 4.5 V needed)") == true)
    }

    @Test("cancelling the task that connects ends the supply wait at once")
    func cancelledConnect() async throws {
        var faults = SimulatorFaults()
        faults.supplyVoltage = 3.0
        let robot = VirtualReachyMini(faults: faults)
        var options = ReachyMiniOptions()
        options.bus = .inProcess
        let settings = options
        let clock = ContinuousClock()
        let connecting = Task { try await ReachyMini.connect(transport: robot.makeTransport(), options: settings) }
        try await Task.sleep(for: .milliseconds(300))
        let cancelled = clock.now
        connecting.cancel()
        let result = await connecting.result
        // Within a poll (100 ms) on an idle machine; the bound only needs to be far below the 30 s wait.
        let took = clock.now - cancelled
        #expect(took < .seconds(10), "connect ended \(took) after its task was cancelled")
        guard case .failure(let error as StartupError) = result else {
            Issue.record("expected a cancelled startup, got \(result)")
            return
        }
        #expect(error == .cancelled(step: "waiting for the supply voltage"))
    }

    @Test("an overloaded motor is rebooted; an input-voltage error alone is left alone")
    func reboot() throws {
        var faults = SimulatorFaults()
        faults.overloadIDs = [12]
        faults.voltageErrorIDs = [13]
        let (report, robot) = try run(faults)
        #expect(report.rebooted == ["stewart_2": 0x20])
        #expect(robot.bus.servo(12)?.hardwareErrorStatus == 0)
        #expect(robot.bus.servo(13)?.hardwareErrorStatus == 0x01)
        #expect(robot.bus.servo(12)?.torqueEnabled == true)
    }

    @Test("EEPROM mismatches are rewritten with torque off and checked")
    func eepromRewrite() throws {
        let (report, robot) = try run { robot in
            robot.bus.withServo(12) { servo in
                servo.poke(address: 20, bytes: [0, 0, 0, 0])  // homing offset 0 instead of −1024
                servo.poke(address: 63, bytes: [4])  // shutdown 4 instead of 52
            }
            robot.bus.withServo(16) { servo in servo.poke(address: 52, bytes: [0, 0, 0, 0]) }  // min limit 0
        }
        #expect(
            Set(report.rewritten) == [
                "stewart_2.Homing Offset: 0 → -1024", "stewart_2.Shutdown: 4 → 52",
                "stewart_6.Min Position Limit: 0 → 1138",
            ])
        #expect(robot.bus.servo(12)?.value(VirtualControlTable.homingOffset) == -1024)
        #expect(robot.bus.servo(12)?.value(VirtualControlTable.shutdown) == 52)
        #expect(robot.bus.servo(16)?.value(VirtualControlTable.minPositionLimit) == 1138)
        #expect(robot.bus.servo(12)?.torqueEnabled == true)
    }

    @Test("PID gains are written at address 80 as D, I, P")
    func gains() throws {
        let (_, robot) = try run { robot in
            robot.bus.withServo(11) { servo in servo.poke(address: 84, bytes: [0x10, 0]) }
        }
        #expect(robot.bus.servo(11)?.value(VirtualControlTable.positionPGain) == 300)
        #expect(robot.bus.servo(10)?.value(VirtualControlTable.positionPGain) == 200)
        #expect(robot.bus.servo(10)?.value(VirtualControlTable.positionDGain) == 0)
    }

    @Test("an expected table without the nine motors is refused")
    func badConfiguration() {
        let motors = Array(RobotConfiguration.reachyMini.motors.dropLast())
        #expect(throws: StartupError.self) { try RobotConfiguration(motors: motors) }
    }
}
