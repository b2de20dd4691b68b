import Dynamixel
import Foundation
import ReachyTestSupport
import Synchronization

@testable import ReachyHardware

/// A value set once by a background thread and read by the test.
final class Outcome: Sendable {
    private let storage = Mutex<String?>(nil)
    func set(_ value: String) { storage.withLock { $0 = value } }
    var value: String? { storage.withLock { $0 } }
}

/// A Foundation thread that the test can wait for.
final class JoinableThread: Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () -> Void) {
        let done = self.done
        let thread = Thread {
            body()
            done.signal()
        }
        thread.start()
    }

    func join() { done.wait() }
}

/// Waits (up to 2 s) until the transport's descriptor has input queued, without consuming it.
func waitUntilReadable(_ transport: TermiosTransport) throws -> Bool {
    let fd = try transport.channel.descriptor()
    var fds = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&fds, 1, 2_000) > 0
}

/// Where the repository's `hardware/` folder is.
func hardwareDirectory() -> URL { RepositoryPaths.hardware }

/// A thread's pthread id, published by the thread itself.
final class ThreadID: Sendable {
    private let storage = Mutex<pthread_t?>(nil)
    func set(_ id: pthread_t) { storage.withLock { $0 = id } }

    /// Waits until the thread published its id.
    func wait() -> pthread_t {
        while true {
            if let id = storage.withLock({ $0 }) { return id }
            usleep(1_000)
        }
    }
}

/// Makes SIGUSR1 harmless for this test process, so tests can interrupt a blocking call with it.
func installNoOpSignalHandler() {
    _ = signal(SIGUSR1) { _ in }
}

/// Lets SIGUSR1 reach the calling thread (worker threads may start with it blocked).
func unblockSIGUSR1() {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGUSR1)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
}
