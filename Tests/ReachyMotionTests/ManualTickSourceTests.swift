import Dynamixel
import ReachyMotion
import ReachySimulator
import Synchronization
import Testing

/// The virtual clock of the control loop: time moves only when told to, sleepers wake at the first tick at or after
/// their deadline, cancellation and `stop()` never leave anyone hanging, and free-running time stands still while
/// nobody waits.
@Suite("ManualTickSource")
struct ManualTickSourceTests {
    @Test("advance moves time by whole periods and runs the handler once per tick, only once started")
    func advanceRunsTicks() {
        let source = ManualTickSource(rate: 100)
        #expect(source.periodNanoseconds == 10_000_000)
        let seen = Mutex<[UInt64]>([])
        source.advance(ticks: 3)
        #expect(source.now() == 30_000_000)
        source.start(TickHandler { tick in seen.withLock { $0.append(tick.index) } })
        source.advance(ticks: 4)
        #expect(seen.withLock { $0 } == [0, 1, 2, 3])
        #expect(source.now() == 70_000_000)
        source.advance(seconds: 0.095)
        #expect(source.now() == 170_000_000)
        #expect(seen.withLock { $0.count } == 14)
        source.stop()
        source.advance(ticks: 5)
        #expect(source.now() == 170_000_000, "a stopped source no longer moves")
    }

    @Test("a sleeper wakes at the first tick at or after its deadline, with time read there")
    func sleeperWakesOnTime() async throws {
        let source = ManualTickSource(rate: 100)
        let clock = RobotClock(source: source)
        let sleeper = Task { () throws -> UInt64 in
            try await clock.sleep(until: clock.now.advanced(by: .milliseconds(25)))
            return source.now()
        }
        while source.waiting == 0 { await Task.yield() }
        source.advance(ticks: 2)
        #expect(source.waiting == 1, "20 ms is before the deadline")
        source.advance(ticks: 1)
        let woke = try await sleeper.value
        #expect(woke == 30_000_000)
        #expect(source.waiting == 0)
    }

    @Test("cancelling a sleeper ends its sleep at once with CancellationError, with no tick")
    func cancelledSleeper() async {
        let source = ManualTickSource(rate: 100)
        let sleeper = Task { try await source.sleep(until: 1_000_000_000_000) }
        while source.waiting == 0 { await Task.yield() }
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(source.waiting == 0)
        #expect(source.now() == 0)
    }

    @Test("stop releases a blocked thread and a sleeping task; later waits do not block on frozen time")
    func stopReleasesWaiters() async throws {
        let source = ManualTickSource(rate: 100)
        let released = Atomic<Bool>(false)
        let thread = Task.detached {
            source.wait(until: 5_000_000_000)
            released.store(true, ordering: .sequentiallyConsistent)
        }
        let sleeper = Task { try await source.sleep(until: 5_000_000_000) }
        while source.waiting < 2 { await Task.yield() }
        source.stop()
        await thread.value
        try await sleeper.value
        let wasReleased = released.load(ordering: .sequentiallyConsistent)
        #expect(wasReleased)
        source.wait(until: 9_000_000_000)
        try await source.sleep(until: 9_000_000_000)
        #expect(source.now() == 0)
    }

    @Test("free-running: ten virtual seconds of waiting pass in a thousand ticks; time stands still when nobody waits")
    func freeRunning() async throws {
        let source = ManualTickSource(rate: 100, freeRunning: true)
        let ticks = Atomic<Int>(0)
        source.start(TickHandler { _ in ticks.wrappingAdd(1, ordering: .relaxed) })
        defer { source.stop() }
        let clock = RobotClock(source: source)
        let start = clock.now
        for _ in 0..<100 { try await clock.sleep(for: .milliseconds(100)) }
        let elapsed = RobotClock.seconds(start.duration(to: clock.now))
        #expect(abs(elapsed - 10) < 1e-9, "each sleep ends on the tick of its deadline")
        #expect(ticks.load(ordering: .relaxed) == 1000)
        let frozen = source.now()
        try await Task.sleep(for: .milliseconds(60))
        #expect(source.now() == frozen, "nobody waits: no tick")
    }

    @Test("a blocked thread paced on the clock (audio) and a task share free-running time")
    func threadAndTaskShareTime() async throws {
        let source = ManualTickSource(rate: 100, freeRunning: true)
        source.start(TickHandler { _ in })
        defer { source.stop() }
        let clock = RobotClock(source: source)
        let begin = clock.now
        let paced = Task.detached { () -> UInt64 in
            for chunk in 1...40 { clock.wait(until: begin.advanced(by: .milliseconds(50 * chunk))) }
            return source.now()
        }
        try await clock.sleep(for: .seconds(1))
        let threadEnd = await paced.value
        #expect(threadEnd == 2_000_000_000)
    }
}

/// The control loop itself on the virtual clock, past the old crash point: an observer read on every tick must not
/// grow the stack (issue 12: a closure in a `Mutex` was re-wrapped on every read, two frames more per tick, until
/// the stack overflowed after ~37,000 ticks).
@Suite("ControlLoop on virtual time")
struct ControlLoopVirtualTimeTests {
    @Test("60,000 ticks with an observer: the stack stays flat and telemetry keeps flowing")
    func observerStackStaysFlat() throws {
        let simulatorClock = VirtualClock()
        let robot = VirtualReachyMini(clock: simulatorClock)
        let bus = ServoBus(transport: robot.makeTransport(), configuration: .inProcess)
        let io = ServoBusMotorIO(
            bus: bus, ids: Array(10...18), names: ReachyMotor.allCases.map(\.name), usesFastSyncRead: false)
        let source = ManualTickSource(rate: 100)
        let loop = ControlLoop(io: io, ticks: source) { $0 }
        let observed = Atomic<Int>(0)
        loop.observe { [loop] _ in
            loop.recordStackDepth()
            simulatorClock.advance(by: .milliseconds(10))
            observed.wrappingAdd(1, ordering: .relaxed)
        }
        loop.start()
        defer { loop.stop() }
        loop.follow(HoldTrajectory([0, 0, 0, 0, 0, 0, 0, 0.2, -0.2]))
        source.advance(ticks: 1000)
        let early = loop.deepestTickStackBytes
        #expect(early > 0)
        for _ in 0..<59 {
            source.advance(ticks: 1000)
            // Broken, the depth grows by two frames per tick: a few hundred kilobytes per thousand ticks.
            try #require(loop.deepestTickStackBytes <= early + 4096, "stack grew to \(loop.deepestTickStackBytes) B")
        }
        #expect(observed.load(ordering: .relaxed) == 60_000)
        #expect(loop.tickCount == 60_000)
        #expect(abs(loop.time - 600) < 1e-6)
        #expect(loop.presentPositions.count == 9)
        #expect(loop.fault == nil)
    }
}
