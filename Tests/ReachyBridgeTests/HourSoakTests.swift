import Foundation
import ReachyBridge
import Synchronization
import Testing

/// An hour of robot time through the whole motion stack — `ReachyMini`, its telemetry and event streams, the
/// in-process simulator — on the virtual clock, stepped by the test: 360,000 ticks at 100 Hz. Before issue 12 the
/// loop died of a stack overflow after ~37,000 ticks (six minutes); here the stack must stay flat and goals and
/// telemetry must still flow at the end.
@Suite("An hour of robot time")
struct HourSoakTests {
    @Test("360,000 ticks with moves, streaming targets, dances and observers: no growth, still moving")
    func hourOfRobotTime() async throws {
        let virtual = VirtualTimeSimulator(rate: 100, freeRunning: false)
        var settings = virtual.options()
        settings.supplyTimeout = 0.5
        let options = settings
        let mini = try await virtual.ticks.drive {
            try await ReachyMini.connect(virtual.connection, options: options)
        }
        defer { mini.close() }
        let telemetry = Atomic<Int>(0)
        let lastGoal = Mutex<[Double]?>(nil)
        let reader = Task {
            for await tick in mini.telemetry() {
                telemetry.wrappingAdd(1, ordering: .relaxed)
                if let goal = tick.goal { lastGoal.withLock { $0 = goal.motorOrder } }
            }
        }
        defer { reader.cancel() }
        let events = Task { for await _ in mini.events() {} }
        defer { events.cancel() }

        var stackAfterFirstMinute = 0
        for minute in 0..<60 {
            // A goto, then ten streamed targets a second apart, then (every ten minutes) a dance, then holding.
            let yaw = Double(minute % 7 - 3) * 8
            try await virtual.ticks.drive {
                try await mini.goto(
                    head: .degrees(z: 0.005, roll: 5, yaw: yaw), antennas: Antennas(right: 0.3, left: -0.3),
                    duration: 1)
            }
            for k in 0..<10 {
                try mini.setTarget(head: .degrees(pitch: Double(k - 5), yaw: yaw))
                virtual.ticks.advance(ticks: 100)
            }
            if minute % 10 == 9 {
                try await virtual.ticks.drive {
                    try await mini.play(DanceMove("simple_nod", bpm: 120))
                }
            }
            let used = Int(virtual.ticks.ticks)
            let minuteEnd = (minute + 1) * 6000 + 200
            virtual.ticks.advance(ticks: max(0, minuteEnd - used))
            if minute == 0 { stackAfterFirstMinute = mini.loopStatistics.deepestTickStackBytes }
            // Broken (a callback re-wrapped on every read), the stack grows by ~200 kB a minute.
            try #require(
                mini.loopStatistics.deepestTickStackBytes <= stackAfterFirstMinute + 8192,
                "minute \(minute): a tick used \(mini.loopStatistics.deepestTickStackBytes) B of stack")
        }
        let ticks = mini.loopStatistics.ticks
        #expect(ticks >= 360_000)
        #expect(stackAfterFirstMinute > 0)

        // Still alive at the end: a last goto lands, goals are written and telemetry flows.
        let before = telemetry.load(ordering: .relaxed)
        try await virtual.ticks.drive {
            try await mini.goto(head: .degrees(z: 0.01, roll: 10), antennas: .zero, duration: 0.5)
        }
        virtual.ticks.advance(ticks: 100)
        let pose = try #require(mini.headPose)
        #expect(abs(pose.euler.roll - 10 * .pi / 180) < 0.02)
        #expect(abs(pose.translation.z - 0.01) < 0.002)
        #expect(mini.fault == nil)
        #expect(lastGoal.withLock { $0 } != nil)
        // The reader keeps only the newest value when slow; it must still see some of the last 150 ticks.
        var waited = 0
        while telemetry.load(ordering: .relaxed) == before, waited < 500 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        #expect(telemetry.load(ordering: .relaxed) > before)
    }
}
