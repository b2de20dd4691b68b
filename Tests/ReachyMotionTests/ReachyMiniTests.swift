import Dynamixel
import Foundation
import ReachyMotion
import ReachySimulator
import Testing

/// The robot API on the in-process simulator, on the real clock (the control loop runs on its own thread). The
/// assertions are on outcomes (positions reached, torque, limits, faults) with generous time bounds.
@Suite("ReachyMini on the simulator", .serialized)
struct ReachyMiniTests {
    static let tolerance = 0.03  // rad: the simulated servo's position-control error

    func connect(_ link: SimulatedLink, rate: Double = 100, enable: Bool = true) async throws -> ReachyMini {
        var settings = ReachyMiniOptions.test(rate: rate)
        settings.enableMotors = enable
        settings.tickSource = link.ticks
        let options = settings
        guard let ticks = link.ticks else {
            return try await ReachyMini.connect(transport: link.transport(), options: options)
        }
        return try await ticks.drive { try await ReachyMini.connect(transport: link.transport(), options: options) }
    }

    /// A robot on a virtual clock the test steps: no sleeps, no polling, the same result on any machine.
    func virtualLink() -> SimulatedLink { SimulatedLink(ticks: ManualTickSource(rate: 100)) }

    /// Waits until `task`'s robot call waits for time (it then runs only when the test advances the clock).
    func untilWaiting(_ ticks: ManualTickSource) async {
        while ticks.waiting == 0 { await Task.yield() }
    }

    @Test("connect reports startup and publishes present joints and a head pose")
    func connectAndTelemetry() async throws {
        let link = SimulatedLink()
        let mini = try await connect(link)
        defer { mini.close() }
        #expect(mini.motorMode == .enabled)
        #expect(mini.startupReport.torqueOn)
        #expect(ReachyMotor.allCases.allSatisfy { link.torque($0) })
        let joints = try #require(mini.joints)
        #expect(joints.motorOrder.allSatisfy { abs($0) < 0.01 })  // the simulator starts at 0 rad
        let pose = try #require(mini.headPose)
        var fk = ForwardKinematics()
        let expected = try fk.pose(for: joints.head)
        #expect(abs(pose.translation.z - expected.translation.z) < 1e-6)
        var iterator = mini.telemetry().makeAsyncIterator()
        let first = try #require(await iterator.next())
        #expect(first.joints != nil && first.motorMode == .enabled && first.fault == nil)
    }

    @Test("goto reaches the target: present positions match the safe IK goals")
    func gotoReaches() async throws {
        let link = virtualLink()
        let ticks = try #require(link.ticks)
        let mini = try await connect(link)
        defer { mini.close() }
        let head = HeadPose.degrees(z: 0.01, roll: 10, pitch: -8, yaw: 15)
        let antennas = Antennas(right: -0.5, left: 0.7)
        let start = ticks.ticks
        try await ticks.drive { try await mini.goto(head: head, antennas: antennas, bodyYaw: 0.2, duration: 0.6) }
        #expect(ticks.ticks - start >= 60, "goto returned before its 0.6 s were over")
        ticks.advance(ticks: 50)  // the servos settle on their goals
        let goals = try SafeKinematics().motorGoals(head: head, antennas: antennas, bodyYaw: 0.2).value
        let reached = ReachyMotor.allCases.allSatisfy { abs(link.present($0) - goals[$0]) < Self.tolerance }
        #expect(reached, "present \(ReachyMotor.allCases.map { link.present($0) }) goals \(goals.motorOrder)")
        let pose = try #require(mini.headPose)
        #expect(abs(pose.translation.z - 0.01) < 0.002)
        #expect(abs(pose.euler.yaw - radians(15)) < 0.03)
    }

    @Test("goto refuses bad durations and a disabled robot")
    func gotoErrors() async throws {
        let link = SimulatedLink()
        let mini = try await connect(link, enable: false)
        defer { mini.close() }
        #expect(mini.motorMode == .disabled)
        await #expect(throws: ReachyMiniError.motorsDisabled) { try await mini.goto(head: .identity, duration: 0.2) }
        try await mini.enableMotors()
        await #expect(throws: ReachyMiniError.self) { try await mini.goto(head: .identity, duration: 0) }
        await #expect(throws: ReachyMiniError.gravityCompensationUnsupported) {
            try await mini.setMotorMode(.gravityCompensation)
        }
        #expect(ReachyMiniError.gravityCompensationUnsupported.description.contains("not supported"))
    }

    @Test("setTarget moves there at the loop's pace; an out-of-range target is clamped and reported")
    func setTarget() async throws {
        let link = SimulatedLink()
        let mini = try await connect(link)
        defer { mini.close() }
        var events = mini.events().makeAsyncIterator()
        try mini.setTarget(head: .degrees(z: 0.05, yaw: 10), antennas: Antennas(right: 0.3, left: -0.3))
        let goals = try SafeKinematics().motorGoals(
            head: .degrees(z: 0.02, yaw: 10), antennas: Antennas(right: 0.3, left: -0.3)
        ).value
        let reached = await eventually(within: 3) {
            ReachyMotor.allCases.allSatisfy { abs(link.present($0) - goals[$0]) < Self.tolerance }
        }
        #expect(reached)
        let event = await events.next()
        guard case .clamped(let entries)? = event else {
            Issue.record("expected a clamp event, got \(String(describing: event))")
            return
        }
        #expect(entries.contains { $0.joint == "head.z" && abs($0.applied - 0.02) < 1e-12 })
    }

    @Test("a dance keeps every written goal inside the motor limits", arguments: [50.0, 100.0])
    func danceWithinLimits(rate: Double) async throws {
        let link = SimulatedLink()
        let mini = try await connect(link, rate: rate)
        defer { mini.close() }
        try await mini.wakeUp()
        let before = link.goalWrites.count
        let dance = try TimedMove(DanceMove("dizzy_spin", bpm: 140), duration: 1.2)
        try await mini.play(dance, initialGotoDuration: 0.3)
        let writes = link.goalWrites
        #expect(writes.count - before > Int(rate * 0.8))  // the loop ran at about this rate (generous)
        for goals in writes {
            #expect(goals.count == 9)
            for (id, raw) in goals {
                let motor = try #require(ReachyMotor(id: id))
                #expect(motor.rawPositionLimits.contains(raw), "\(motor.name) goal \(raw)")
            }
        }
        // And no joint was asked to move faster than the cap (8 rad/s × one tick, plus one count of rounding).
        let step = Int((8 / rate) / (2 * Double.pi / 4096)) + 1
        for (previous, next) in zip(writes[before...], writes[before...].dropFirst()) {
            for (id, raw) in next {
                if let last = previous[id] { #expect(abs(raw - last) <= step, "motor \(id): \(last) → \(raw)") }
            }
        }
        #expect(mini.loopStatistics.lateness.count > 0)
    }

    @Test("cancel stops a move part-way and the waiting goto reports the interruption")
    func cancel() async throws {
        let link = virtualLink()
        let ticks = try #require(link.ticks)
        let mini = try await connect(link)
        defer { mini.close() }
        let target = HeadPose.degrees(yaw: 30)
        let move = Task { try await mini.goto(head: target, duration: 3) }
        await untilWaiting(ticks)
        ticks.advance(ticks: 50, settle: true)  // half a second of the 3 s move
        mini.cancel()
        // The waiting goto wakes at the next tick and sees the cancel (time runs until it has).
        await #expect(throws: ReachyMiniError.interrupted) { try await ticks.drive { try await move.value } }
        let writes = link.goalWrites.count
        ticks.advance(ticks: 30)
        #expect(link.goalWrites.count == writes)  // nothing commanded after the cancel
        let yaw = try #require(mini.headPose).euler.yaw
        #expect(yaw > 0.001 && yaw < radians(25))  // moved, but did not finish
    }

    @Test("cancelling the task of a goto stops it")
    func taskCancellation() async throws {
        let link = virtualLink()
        let ticks = try #require(link.ticks)
        let mini = try await connect(link)
        defer { mini.close() }
        let move = Task { try await mini.goto(head: .degrees(roll: 20), duration: 3) }
        await untilWaiting(ticks)
        ticks.advance(ticks: 30, settle: true)
        move.cancel()
        await #expect(throws: CancellationError.self) { try await move.value }
        ticks.advance(ticks: 1)
        #expect(mini.latest?.moving == false)
    }

    @Test("safe stop: release switches torque off; sleep folds the antennas then switches torque off")
    func safeStop() async throws {
        let link = SimulatedLink()
        let mini = try await connect(link)
        defer { mini.close() }
        #expect(await mini.safeStop(mode: .hold) == .holding)
        #expect(ReachyMotor.allCases.allSatisfy { link.torque($0) })
        #expect(await mini.safeStop(mode: .release) == .released)
        #expect(ReachyMotor.allCases.allSatisfy { !link.torque($0) })
        #expect(mini.motorMode == .disabled)
        try await mini.wakeUp()
        #expect(ReachyMotor.allCases.allSatisfy { link.torque($0) })
        #expect(await mini.safeStop(mode: .sleep) == .asleep)
        #expect(ReachyMotor.allCases.allSatisfy { !link.torque($0) })
        #expect(abs(link.present(.rightAntenna) - Antennas.sleep.right) < 0.05)
        #expect(abs(link.present(.leftAntenna) - Antennas.sleep.left) < 0.05)
    }

    @Test("an unplugged robot faults after the no-reply timeout, and moves are refused")
    func unplugFault() async throws {
        var faults = SimulatorFaults()
        faults.unplugAfter = .seconds(1)
        let link = SimulatedLink(faults: faults)
        var options = ReachyMiniOptions.test()
        options.noReplyTimeout = 0.3
        let mini = try await ReachyMini.connect(transport: link.transport(), options: options)
        defer { mini.close() }
        var events = mini.events().makeAsyncIterator()
        #expect(await eventually(within: 5) { mini.fault != nil })
        guard case .noReplies? = mini.fault else {
            Issue.record("expected a no-reply fault, got \(String(describing: mini.fault))")
            return
        }
        #expect(mini.fault?.description.contains("power supply") == true)
        await #expect(throws: ReachyMiniError.self) { try await mini.goto(head: .identity, duration: 0.2) }
        var sawFault = false
        while let event = await events.next() {
            if case .fault = event {
                sawFault = true
                break
            }
        }
        #expect(sawFault)
    }

    @Test("the link is reopened when the adapter comes back, and the fault clears")
    func reconnect() async throws {
        let link = SimulatedLink()
        var options = ReachyMiniOptions.test()
        options.noReplyTimeout = 0.3
        let mini = try await ReachyMini.connect(transport: link.transport(), options: options) { link.transport() }
        defer { mini.close() }
        link.setUnplugged(true)
        #expect(await eventually(within: 5) { mini.fault != nil })
        link.setUnplugged(false)
        #expect(await eventually(within: 5) { mini.fault == nil })
        #expect(link.opened >= 2)
        try await mini.goto(head: .degrees(z: 0.005), duration: 0.3)
    }

    @Test("after a power cycle while unplugged, the robot reports its motors as disabled and refuses to move")
    func powerCycle() async throws {
        let link = SimulatedLink()
        var options = ReachyMiniOptions.test()
        options.noReplyTimeout = 0.3
        let mini = try await ReachyMini.connect(transport: link.transport(), options: options) { link.transport() }
        defer { mini.close() }
        link.setUnplugged(true)
        #expect(await eventually(within: 5) { mini.fault != nil })
        for id in link.robot.bus.ids { link.robot.bus.withServo(id) { $0.poke(address: 64, bytes: [0]) } }
        link.setUnplugged(false)
        #expect(await eventually(within: 5) { mini.fault == nil && mini.motorMode == .disabled })
        await #expect(throws: ReachyMiniError.motorsDisabled) { try await mini.goto(head: .identity, duration: 0.2) }
        try await mini.enableMotors()
        #expect(ReachyMotor.allCases.allSatisfy { link.torque($0) })
    }

    /// A move whose middle frames the platform cannot reach (10 cm forward).
    struct Unreachable: Move {
        var duration: Double { 0.6 }
        func evaluate(_ t: Double) -> MoveFrame {
            MoveFrame(head: HeadPose(x: t > 0.2 && t < 0.4 ? 0.1 : 0, yaw: t), antennas: .zero, bodyYaw: 0)
        }
    }

    @Test("a move through unreachable poses keeps the previous goals there and reports the refusal")
    func unreachableFrames() async throws {
        let link = SimulatedLink()
        let mini = try await connect(link)
        defer { mini.close() }
        var events = mini.events().makeAsyncIterator()
        let before = link.goalWrites.count
        try await mini.play(Unreachable(), initialGotoDuration: 0.2)
        var refused = false
        while let event = await events.next() {
            if case .targetRefused(let message) = event {
                refused = message.contains("not reachable")
                break
            }
        }
        #expect(refused)
        for goals in link.goalWrites[before...] {
            for (id, raw) in goals { #expect(ReachyMotor(id: id)?.rawPositionLimits.contains(raw) == true) }
        }
        let final = try SafeKinematics().motorGoals(head: HeadPose(yaw: 0.6), antennas: .zero).value
        #expect(
            await eventually(within: 3) {
                ReachyMotor.allCases.allSatisfy { abs(link.present($0) - final[$0]) < Self.tolerance }
            })
    }

    @Test("magic distance: millimetres plus degrees")
    func magicDistance() {
        let d = ReachyMini.magicDistance(.identity, .degrees(x: 0.01, yaw: 10))
        #expect(abs(d - 20) < 1e-9)
        #expect(ReachyMini.magicDistance(.identity, .identity) == 0)
    }
}
