import Synchronization

/// Stops a synthesis under way from another thread: raise it with ``cancel()`` and espeak-ng is asked to abort at
/// its next audio buffer (a fraction of a second of speech), so the synthesis throws ``SpeechError/cancelled``
/// instead of running to the end of a long text.
public final class SpeechCancellation: Sendable {
    private let raised = Atomic<Bool>(false)

    /// A flag not yet raised.
    public init() {}

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool { raised.load(ordering: .acquiring) }

    /// Raises the flag, for good.
    public func cancel() { raised.store(true, ordering: .releasing) }
}
