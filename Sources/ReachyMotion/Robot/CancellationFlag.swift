import Synchronization

/// A one-way flag that a task's cancellation handler raises and blocking work on another thread polls (the
/// startup's supply wait runs on the bus queue, out of reach of `Task.isCancelled`).
final class CancellationFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    /// Whether the flag was raised.
    var isRaised: Bool { raised.load(ordering: .acquiring) }

    /// Raises the flag (for good).
    func raise() { raised.store(true, ordering: .releasing) }
}
