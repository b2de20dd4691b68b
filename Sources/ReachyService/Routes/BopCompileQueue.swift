import Bop
import Foundation
import Synchronization

/// Runs Bop compilations off the event loop, on a fixed number of dedicated threads: a program that takes long
/// to plan never holds up other requests, and at most `threads` programs are planned at once. A few more wait
/// their turn; beyond that a request is refused at once (the routes answer 503). A request whose task is
/// cancelled (its client went away) stops its compilation at the compiler's next poll.
final class BopCompileQueue: Sendable {
    /// The queue the Bop routes use: two threads, eight more programs waiting.
    static let shared = BopCompileQueue(threads: 2, waiting: 8)

    /// Answers true once the work is no longer wanted.
    typealias CancelCheck = @Sendable () -> Bool

    /// Work handed to a thread (it resumes its caller itself).
    private typealias Job = @Sendable () -> Void

    private struct State {
        var jobs: [Job] = []
        /// Jobs waiting or running.
        var admitted = 0
    }

    private let capacity: Int
    private let state = Mutex(State())
    /// Counts the jobs waiting in `state.jobs`; each thread takes one per signal.
    private let available = DispatchSemaphore(value: 0)

    /// Starts `threads` threads (8 MiB of stack each, like a main thread) that live as long as the process.
    init(threads: Int, waiting: Int) {
        capacity = max(1, threads) + max(0, waiting)
        for i in 0..<max(1, threads) {
            let name = "bop-compile-\(i + 1)"
            let thread = Thread { [self] in
                Thread.current.name = name  // (set before `start`, Linux does not keep it)
                work()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// How many jobs are waiting or running now.
    var admittedCount: Int { state.withLock { $0.admitted } }

    private func work() {
        while true {
            available.wait()
            let job = state.withLock { $0.jobs.removeFirst() }
            job()
        }
    }

    /// Runs `body` on one of the threads and returns its result, or `nil` at once when too many jobs are already
    /// waiting or running. `body` is given a check that answers true once the calling task is cancelled.
    func run<T: Sendable>(_ body: @escaping @Sendable (_ isCancelled: @escaping CancelCheck) -> T) async -> T? {
        let cancelled = CancelFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
                let job: Job = { [self] in
                    let value = body { cancelled.isSet }
                    state.withLock { $0.admitted -= 1 }  // before the caller goes on, so it sees the place free
                    continuation.resume(returning: value)
                }
                let admitted = state.withLock { state in
                    guard state.admitted < capacity else { return false }
                    state.admitted += 1
                    state.jobs.append(job)
                    return true
                }
                if admitted {
                    available.signal()
                } else {
                    continuation.resume(returning: nil)
                }
            }
        } onCancel: {
            cancelled.set()
        }
    }

    /// Compiles a program on one of the threads (its `play emotion` read from `emotions`), stopping early if the
    /// calling task is cancelled; `nil` when the queue is full.
    func compile(_ text: String, seed: UInt64, emotions: BopEmotions = .standard()) async -> BopResult? {
        await run { isCancelled in
            BopCompiler.compile(text, options: BopOptions(seed: seed, isCancelled: isCancelled, emotions: emotions))
        }
    }
}

/// A flag set once, from any thread.
private final class CancelFlag: Sendable {
    private let value = Atomic(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}
