import Foundation
import Synchronization
import Testing

@testable import ReachyMotion

/// `ReachyMini.connect(motors:options:link:)`: a robot behind another controller (a daemon), driven through a
/// plain `MotorIO` with no bus startup.
@Suite(.serialized) struct MotorIOConnectTests {
    /// Motors that go instantly where they are told (like the daemon's mockup simulator), recording what they get.
    final class InstantMotors: MotorIO, @unchecked Sendable {
        struct Log {
            var present: [Double]
            var torque: Bool
            var writes = 0
            var torqueCalls: [Bool] = []
            var closed = false
            var answering = true
        }
        let log: Mutex<Log>
        let jointCount = 9
        init(present: [Double], torque: Bool) { log = Mutex(Log(present: present, torque: torque)) }

        func readPositions() throws(MotorIOError) -> [Double?] {
            let (answering, present) = log.withLock { ($0.answering, $0.present) }
            guard answering else { throw .link("the fake link is down") }
            return present
        }
        func writeGoals(_ radians: [Double]) throws(MotorIOError) {
            log.withLock {
                $0.present = radians
                $0.writes += 1
            }
        }
        func setTorque(_ enabled: Bool) throws(MotorIOError) {
            log.withLock {
                $0.torque = enabled
                $0.torqueCalls.append(enabled)
            }
        }
        func readHardwareErrors() throws(MotorIOError) -> [Int: UInt8] { [:] }
        func torqueEnabled() throws(MotorIOError) -> Bool? { log.withLock { $0.torque } }
        func close() { log.withLock { $0.closed = true } }
    }

    static let start: [Double] = [0.1, 0.55, -0.6, 0.62, -0.58, 0.6, -0.61, -0.2, 0.25]

    @Test func enablingPinsGoalsToPresentThenSwitchesTorqueOnAndTheReportSaysWhatWasSkipped() async throws {
        let motors = InstantMotors(present: Self.start, torque: false)
        let mini = try await ReachyMini.connect(motors: motors, options: ReachyMiniOptions(rate: 50), link: "the fake")
        defer { mini.close() }
        let log = motors.log.withLock { $0 }
        #expect(log.torqueCalls == [true])
        #expect(log.present == Self.start)  // no snap: the first goals were the present positions
        #expect(mini.startupReport.torqueOn)
        #expect(
            mini.startupReport.notes == [
                "The servo-bus startup (presence, supply, reboots, firmware, EEPROM, PID gains) was not run: the fake "
                    + "runs its own.",
                "Goals pinned to the present positions, then torque on.",
                "The motors were off (asleep, or switched off by another client): woken up — torque on — before "
                    + "moving.",
            ])
        #expect(mini.motorMode == .enabled)
        #expect(mini.loopStatistics.fastSyncRead == false)

        try await mini.goto(antennas: Antennas(right: 0.5, left: -0.5), bodyYaw: 0.2, duration: 1)
        let after = motors.log.withLock { $0.present }
        #expect(abs(after[7] - 0.5) < 1e-9 && abs(after[8] + 0.5) < 1e-9)
        #expect(abs(after[0] - 0.2) < 1e-9)
        try await mini.disableMotors()
        #expect(motors.log.withLock { $0.torqueCalls } == [true, false])
        mini.close()
        #expect(motors.log.withLock { $0.closed })
    }

    @Test func withoutEnablingTorqueIsLeftAsTheLinkReportsIt() async throws {
        let motors = InstantMotors(present: Self.start, torque: true)
        var options = ReachyMiniOptions(rate: 50)
        options.enableMotors = false
        let mini = try await ReachyMini.connect(motors: motors, options: options, link: "the fake")
        defer { mini.close() }
        #expect(motors.log.withLock { $0.torqueCalls }.isEmpty)
        #expect(motors.log.withLock { $0.writes } == 0)
        #expect(mini.motorMode == .enabled)
        #expect(mini.startupReport.notes.last == "Torque left as found (on).")
    }

    @Test func aSilentLinkBecomesTheNoReplyFaultWithItsMessage() async throws {
        let motors = InstantMotors(present: Self.start, torque: true)
        var options = ReachyMiniOptions(rate: 50)
        options.enableMotors = false
        options.noReplyTimeout = 0.2
        let mini = try await ReachyMini.connect(motors: motors, options: options, link: "the fake")
        defer { mini.close() }
        motors.log.withLock { $0.answering = false }
        let deadline = ContinuousClock.now + .seconds(5)
        while mini.fault == nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(mini.fault == .noReplies(seconds: 0.2, detail: "the fake link is down"))
        motors.log.withLock { $0.answering = true }
        while mini.fault != nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(mini.fault == nil)
    }

    @Test func aLinkWithTheWrongJointCountIsRefused() async throws {
        final class Three: MotorIO, @unchecked Sendable {
            let jointCount = 3
            func readPositions() throws(MotorIOError) -> [Double?] { [0, 0, 0] }
            func writeGoals(_ radians: [Double]) throws(MotorIOError) {}
            func setTorque(_ enabled: Bool) throws(MotorIOError) {}
            func readHardwareErrors() throws(MotorIOError) -> [Int: UInt8] { [:] }
        }
        await #expect(
            throws: StartupError.invalidConfiguration("the fake drives 3 joints, the configuration has 9")
        ) {
            _ = try await ReachyMini.connect(motors: Three(), link: "the fake")
        }
    }
}
