import Bop
import Foundation
import HTTPTypes
import Synchronization
import Testing

@testable import ReachyService

/// The Bop routes compile on a few dedicated threads, not on the event loop: at most a fixed number at once, a
/// few more waiting, the rest refused; a cancelled request stops its compilation. No test here depends on
/// timing: each waits for the state it needs.
@Suite struct BopCompileQueueTests {
    /// Waits (yielding) until `condition` holds.
    static func waitUntil(_ condition: () -> Bool) async throws {
        while !condition() { try await Task.sleep(for: .milliseconds(2)) }
    }

    @Test func givesTheCompilersResult() async throws {
        let queue = BopCompileQueue(threads: 2, waiting: 0)
        let result = try #require(await queue.compile("nod\nlook left 1+2+3\n", seed: 3))
        #expect(result.timeline == BopCompiler.compile("nod\nlook left 1+2+3\n", options: BopOptions(seed: 3)).timeline)
        #expect(queue.admittedCount == 0)
    }

    @Test func refusesWhenEveryThreadAndWaitingPlaceIsTaken() async throws {
        let queue = BopCompileQueue(threads: 1, waiting: 1)
        let gate = DispatchSemaphore(value: 0)
        let running = Atomic(false)
        let first = Task {
            await queue.run { _ in
                running.store(true, ordering: .relaxed)
                gate.wait()
                return 1
            }
        }
        try await Self.waitUntil { running.load(ordering: .relaxed) }
        let second = Task { await queue.run { _ in 2 } }
        try await Self.waitUntil { queue.admittedCount == 2 }
        #expect(await queue.run { _ in 3 } == nil)
        gate.signal()
        #expect(await first.value == 1)
        #expect(await second.value == 2)
        try await Self.waitUntil { queue.admittedCount == 0 }
        #expect(await queue.run { _ in 4 } == 4)
    }

    @Test func cancellingTheRequestStopsTheWork() async throws {
        let queue = BopCompileQueue(threads: 1, waiting: 0)
        let running = Atomic(false)
        let spinning = Task {
            await queue.run { isCancelled in
                running.store(true, ordering: .relaxed)
                var rounds = 0
                while !isCancelled() { rounds += 1 }
                return rounds
            }
        }
        try await Self.waitUntil { running.load(ordering: .relaxed) }
        spinning.cancel()
        #expect(await spinning.value != nil)

        // A compilation whose request is already cancelled stops at its first step.
        let compiling = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await queue.compile("forever\n  nod\nend\n", seed: 1)
        }
        let result = try #require(await compiling.value)
        #expect(result.diagnostics.map(\.id) == ["cancelled"])
        #expect(result.timeline == nil)
    }

    @Test func theCheckRouteAnswersAHostileProgramAtOnce() async throws {
        try await ServiceHarness.withService { client, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            let (status, text) = try await ServiceHarness.call(
                client, .post, "/api/bop/check", json: "nod 1000000000 times\n", headers: headers)
            #expect(status == .ok)
            let json = try ServiceHarness.object(text)
            #expect(json["ok"] as? Bool == false)
            let first = try #require((json["diagnostics"] as? [[String: Any]])?.first)
            #expect(first["id"] as? String == "too-many-moves")
        }
    }
}
