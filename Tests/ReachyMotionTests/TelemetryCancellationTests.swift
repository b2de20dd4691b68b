import Foundation
import ReachyMotion
import Synchronization
import Testing

/// Telemetry readers that go away while the loop publishes must never stop the loop. The loop thread used to yield
/// to every reader while holding the subscriber lock; a reader's task being cancelled at that moment held its own
/// status lock and waited for the subscriber lock — both waited for ever (seen as a frozen `make test`, and on a
/// robot it is a control loop that stops ticking when a WebSocket client leaves).
@Suite("Telemetry readers cancelled mid-tick", .serialized)
struct TelemetryCancellationTests {
    @Test("thousands of readers cancelled while a thread steps the loop: every tick runs")
    func cancelledReadersDoNotStallTheLoop() async throws {
        var settings = ReachyMiniOptions.test(rate: 100)
        let ticks = ManualTickSource(rate: 100)
        settings.tickSource = ticks
        let options = settings
        let link = SimulatedLink(ticks: ticks)
        let mini = try await ticks.drive { try await ReachyMini.connect(transport: link.transport(), options: options) }
        let target = 4_000
        let stepped = Atomic<Int>(0)
        let stepper = Thread {
            for _ in 0..<target {
                ticks.advance(ticks: 1)
                stepped.add(1, ordering: .relaxed)
            }
        }
        stepper.start()
        // Readers are started and cancelled from a thread of their own: on a stall it is that thread (and the loop's)
        // that block, and this task can still say so.
        let readers = Atomic<Int>(0)
        let canceller = Thread {
            while stepped.load(ordering: .relaxed) < target {
                let batch = (0..<16).map { _ in
                    Task { for await _ in mini.telemetry() { if Task.isCancelled { break } } }
                }
                usleep(50)
                for reader in batch { reader.cancel() }
                readers.add(batch.count, ordering: .relaxed)
            }
        }
        canceller.start()
        let deadline = ContinuousClock.now + .seconds(60)  // a stall, not slowness: the steps take about 2 s here
        while stepped.load(ordering: .relaxed) < target, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let done = stepped.load(ordering: .relaxed)
        // On a stall the loop thread is stuck inside a tick: closing would wait for it, so leave the robot open.
        guard done == target else {
            let cancelled = readers.load(ordering: .relaxed)
            Issue.record("the loop stalled after \(done) of \(target) ticks with \(cancelled) readers cancelled")
            return
        }
        #expect(readers.load(ordering: .relaxed) > 0)
        mini.close()
    }
}
