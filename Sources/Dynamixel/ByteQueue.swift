import DequeModule

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A thread-safe byte queue with a blocking, deadline-bounded read: one direction of an in-memory link.
final class ByteQueue: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var bytes: Deque<UInt8> = []
    private var closed = false

    init() {
        pthread_mutex_init(&mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        #if os(Linux)
            pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        #endif
        pthread_cond_init(&condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    /// Appends bytes and wakes a waiting reader. Returns false when the queue is closed.
    @discardableResult
    func push<Bytes: Sequence<UInt8>>(_ newBytes: Bytes) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard !closed else { return false }
        bytes.append(contentsOf: newBytes)
        pthread_cond_broadcast(&condition)
        return true
    }

    /// Up to `maxCount` bytes, waiting at most `timeout` for the first; `nil` once closed and drained.
    func pop(maxCount: Int, timeout: Duration) -> [UInt8]? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if bytes.isEmpty && !closed && timeout > .zero {
            var deadline = timespec()
            #if os(Linux)
                clock_gettime(CLOCK_MONOTONIC, &deadline)
            #else
                clock_gettime(CLOCK_REALTIME, &deadline)
            #endif
            let (seconds, attoseconds) = timeout.components
            var nanoseconds = Int(deadline.tv_nsec) + Int(attoseconds / 1_000_000_000)
            deadline.tv_sec += Int(seconds) + nanoseconds / 1_000_000_000
            nanoseconds %= 1_000_000_000
            deadline.tv_nsec = nanoseconds
            while bytes.isEmpty && !closed {
                if pthread_cond_timedwait(&condition, &mutex, &deadline) == ETIMEDOUT { break }
            }
        }
        if bytes.isEmpty { return closed ? nil : [] }
        let count = min(maxCount, bytes.count)
        let out = Array(bytes.prefix(count))
        bytes.removeFirst(count)
        return out
    }

    func removeAll() {
        pthread_mutex_lock(&mutex)
        bytes.removeAll()
        pthread_mutex_unlock(&mutex)
    }

    func close() {
        pthread_mutex_lock(&mutex)
        closed = true
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
    }

    var isClosed: Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return closed
    }
}
